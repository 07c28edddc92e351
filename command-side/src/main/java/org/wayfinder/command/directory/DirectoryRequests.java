package org.wayfinder.command.directory;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** What the directory's endpoints share: id and version formats on the wire. */
final class DirectoryRequests {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String GSS_PATTERN = "E09\\d{6}";
    static final String GSS_MESSAGE = "must be the GSS code of a London borough, such as E09000012";

    private static final Pattern UUID_SHAPE = Pattern.compile(UUID_PATTERN);

    private DirectoryRequests() {
    }

    static String idOrNew(String requested) {
        return requested == null ? UUID.randomUUID().toString() : requested.toLowerCase();
    }

    static String pathId(String name, String value) {
        if (!UUID_SHAPE.matcher(value).matches()) {
            throw problem("Invalid " + name, "'" + name + "' must be a UUID.");
        }
        return value.toLowerCase();
    }

    private static ErrorResponseException problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
