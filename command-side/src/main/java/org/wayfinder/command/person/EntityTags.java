package org.wayfinder.command.person;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A person's version as an HTTP entity tag, and the expected version an {@code If-Match} asks for. */
final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version, or null when there is no precondition ({@code If-Match} absent or {@code *}). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "If-Match must be one entity tag as returned in ETag, such as \"3\".");
            problem.setTitle("Invalid If-Match");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return Long.parseLong(matcher.group(1));
    }
}
