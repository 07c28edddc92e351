package org.wayfinder.command.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Aggregate versions over HTTP: a change answers with {@code ETag: "n"}, and a client that sends
 * {@code If-Match: "n"} has its change refused with 409 if someone else changed the record since.
 */
public final class Versions {

    /** {@code "n"}, {@code W/"n"} or a bare {@code n}: a quote opened is closed. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"|(\\d{1,18})");

    private Versions() {
    }

    /** The expected version named by an If-Match header, or null when there is none (or it is {@code *}). */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "If-Match must be an entity tag given out by this API, such as \"3\".");
            problem.setTitle("Invalid If-Match header");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
