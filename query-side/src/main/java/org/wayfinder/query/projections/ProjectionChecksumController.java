package org.wayfinder.query.projections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;

/**
 * {@code GET /api/projections/checksums}: one SHA-256 per projection over the contents of its tables,
 * independent of row order, so two rebuilds, or a rebuild and the live-built view, can be compared.
 */
@RestController
class ProjectionChecksumController {

    private final JdbcTemplate jdbc;

    ProjectionChecksumController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/projections/checksums")
    @Transactional(readOnly = true)
    Checksums checksums() {
        Map<String, Projection> projections = new LinkedHashMap<>();
        for (ProjectionCatalogue.Projection projection : ProjectionCatalogue.ALL) {
            Map<String, Long> rows = new LinkedHashMap<>();
            MessageDigest digest = sha256();
            for (String table : projection.tables()) {
                // Table names come from the catalogue above, never from the request.
                Map<String, Object> result = jdbc.queryForMap("SELECT count(*) AS rows, md5(coalesce("
                        + "string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM " + table + " t");
                rows.put(table, ((Number) result.get("rows")).longValue());
                digest.update((table + ":" + result.get("md5") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            projections.put(projection.name(), new Projection(HexFormat.of().formatHex(digest.digest()), rows));
        }
        return new Checksums(projections);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Checksums(Map<String, Projection> projections) {
    }

    record Projection(String checksum, Map<String, Long> rows) {
    }
}
