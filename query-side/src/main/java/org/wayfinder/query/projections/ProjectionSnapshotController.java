package org.wayfinder.query.projections;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.projection.rebuild.ProjectionRebuilds;
import org.wayfinder.projection.rebuild.ProjectionSnapshots;
import org.wayfinder.projection.rebuild.ProjectionSnapshots.Snapshot;

/** Named as-of snapshots of a projection: build ({@code POST}), list, read one, delete. */
@RestController
@RequestMapping("/api/projections/snapshots")
class ProjectionSnapshotController {

    private final ProjectionSnapshots snapshots;

    ProjectionSnapshotController(ProjectionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Exactly one of {@code asKnownOn} (recorded time) and {@code asHappenedBy} (business time). */
    record SnapshotRequest(@NotBlank String projection,
                           @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                                   message = "1-40 lower-case letters, digits or '-', starting with a letter or digit")
                           String name,
                           LocalDate asKnownOn, LocalDate asHappenedBy) {
    }

    @PostMapping
    ResponseEntity<Snapshot> create(@Valid @RequestBody SnapshotRequest request, Principal principal) {
        if ((request.asKnownOn() == null) == (request.asHappenedBy() == null)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid request", "Give exactly one of 'asKnownOn' and 'asHappenedBy'.");
        }
        try {
            Snapshot snapshot = snapshots.create(request.projection(), request.name(), request.asKnownOn(),
                    request.asHappenedBy(), principal == null ? null : principal.getName());
            return ResponseEntity.accepted().location(URI.create("/api/projections/snapshots/" + snapshot.name()))
                    .body(snapshot);
        } catch (ProjectionRebuilds.UnknownProjection unknown) {
            throw problem(HttpStatus.NOT_FOUND, "Unknown projection", unknown.getMessage());
        } catch (ProjectionSnapshots.SnapshotExists exists) {
            throw problem(HttpStatus.CONFLICT, "Snapshot exists", exists.getMessage());
        }
    }

    @GetMapping
    List<Snapshot> list() {
        return snapshots.list();
    }

    @GetMapping("/{name}")
    Snapshot snapshot(@PathVariable String name) {
        return snapshots.find(name).orElseThrow(() -> notFound(name));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        try {
            if (!snapshots.delete(name)) {
                throw notFound(name);
            }
        } catch (ProjectionSnapshots.SnapshotExists building) {
            throw problem(HttpStatus.CONFLICT, "Snapshot still building", building.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException notFound(String name) {
        return problem(HttpStatus.NOT_FOUND, "Unknown snapshot", "No snapshot named '" + name + "'.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
