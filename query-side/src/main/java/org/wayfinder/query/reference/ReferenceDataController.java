package org.wayfinder.query.reference;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.referral.Need;
import org.wayfinder.kernel.referral.ReferralSource;

/** Reference data: London's geography on any date, and the code lists referrals use. */
@RestController
@RequestMapping("/api/reference")
class ReferenceDataController {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReferenceDataController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Which ICB (or, before July 2022, which STP) each borough belonged to on the given date. */
    @GetMapping("/geography")
    Geography geography(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        List<BoroughArea> boroughs = jdbc.query("""
                        SELECT b.gss_code, b.name AS borough_name, m.ods_code, a.name AS area_name, a.kind
                        FROM ref_borough b
                        LEFT JOIN ref_borough_health_area m ON m.gss_code = b.gss_code
                             AND m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?)
                        LEFT JOIN ref_health_area a ON a.ods_code = m.ods_code
                             AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)
                        ORDER BY b.gss_code
                        """,
                (rs, row) -> new BoroughArea(rs.getString("gss_code"), rs.getString("borough_name"),
                        rs.getString("ods_code"), rs.getString("area_name"), rs.getString("kind")),
                date, date, date, date);
        return new Geography(date, boroughs);
    }

    @GetMapping("/needs")
    List<Code> needs() {
        return Arrays.stream(Need.values()).map(n -> new Code(n.code(), n.label())).toList();
    }

    @GetMapping("/referral-sources")
    List<Code> referralSources() {
        return Arrays.stream(ReferralSource.values()).map(s -> new Code(s.name(), s.label())).toList();
    }

    record Geography(LocalDate on, List<BoroughArea> boroughs) {
    }

    record BoroughArea(String gssCode, String name, String healthAreaOdsCode, String healthAreaName,
                       String healthAreaKind) {
    }

    record Code(String code, String label) {
    }
}
