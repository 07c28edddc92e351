package org.wayfinder.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/access-log}: who read which personal data, when and why (auditors only). */
@RestController
class AccessLogController {

    private final JdbcTemplate jdbc;

    AccessLogController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/access-log")
    List<Entry> entries(@RequestParam(required = false) String resourceId,
                        @RequestParam(required = false) String actorId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                        @RequestParam(defaultValue = "200") @jakarta.validation.constraints.Min(1)
                        @jakarta.validation.constraints.Max(5000) int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM access_log WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (resourceId != null) {
            sql.append(" AND resource_id = ?");
            args.add(resourceId.toLowerCase());
        }
        if (actorId != null) {
            sql.append(" AND actor_id = ?");
            args.add(actorId);
        }
        if (from != null) {
            sql.append(" AND accessed_at >= ?");
            args.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND accessed_at < ?");
            args.add(java.sql.Timestamp.from(to));
        }
        sql.append(" ORDER BY access_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, row) -> new Entry(rs.getLong("access_id"),
                rs.getTimestamp("accessed_at").toInstant(), rs.getString("actor_id"), rs.getString("actor_role"),
                rs.getString("organisation"), rs.getString("purpose"), rs.getString("resource_type"),
                rs.getString("resource_id"), rs.getString("action"), rs.getString("outcome"),
                rs.getString("correlation_id")), args.toArray());
    }

    record Entry(long accessId, Instant accessedAt, String actorId, String actorRole, String organisation,
                 String purpose, String resourceType, String resourceId, String action, String outcome,
                 String correlationId) {
    }
}
