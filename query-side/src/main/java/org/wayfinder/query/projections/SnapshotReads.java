package org.wayfinder.query.projections;

import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.wayfinder.projection.rebuild.ProjectionSnapshots;

/** A read of the live views, or, with {@code asOf}, of the named snapshot's tables; an unusable name is a 404. */
@Component
public class SnapshotReads {

    private final ProjectionSnapshots snapshots;

    SnapshotReads(ProjectionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public <T> T read(String asOf, String projection, Supplier<T> read) {
        if (asOf == null || asOf.isBlank()) {
            return read.get();
        }
        try {
            return snapshots.readFrom(asOf, projection, read);
        } catch (ProjectionSnapshots.UnknownSnapshot unknown) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
            problem.setTitle("Unknown snapshot");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
    }
}
