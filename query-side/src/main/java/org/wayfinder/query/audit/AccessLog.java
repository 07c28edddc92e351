package org.wayfinder.query.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.wayfinder.kernel.access.Actor;

/**
 * Records every read of personal data before it is answered: if the log cannot be written, the read
 * fails. Refused reads are logged too, so auditors see attempts as well as disclosures.
 */
@Component
public class AccessLog {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    /**
     * The purposes a reader may state for personal data. {@code EVALUATION} is not one: it marks the pseudonymised
     * evaluator exports, which the service records itself, and gives no reason to read a person's identity.
     */
    private static final Set<AccessPurpose> STATED = EnumSet.complementOf(EnumSet.of(AccessPurpose.EVALUATION));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stated purpose, or a 400 problem naming the header when it is missing or unknown. */
    public AccessPurpose purpose(String header) {
        try {
            AccessPurpose purpose = header == null ? null : AccessPurpose.valueOf(header.trim());
            if (STATED.contains(purpose)) {
                return purpose;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Reading personal data needs a stated purpose in the " + PURPOSE_HEADER + " header, one of "
                        + STATED.stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
        problem.setTitle("Purpose required");
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", PURPOSE_HEADER,
                "message", "must be one of the listed purposes")));
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public void record(AccessPurpose purpose, String resourceType, String resourceId, String action, String outcome) {
        Actor actor = Actor.current().orElse(new Actor("anonymous", "NONE", "UNKNOWN"));
        jdbc.update("""
                INSERT INTO access_log (accessed_at, actor_id, actor_role, organisation, purpose, resource_type,
                                        resource_id, action, outcome, correlation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, Timestamp.from(clock.instant()), actor.id(), actor.role(), actor.organisation(), purpose.name(),
                resourceType, resourceId, action, outcome, MDC.get("correlationId"));
    }
}
