package org.wayfinder.query.referral;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ReferralSummaryRepository {

    private final JdbcTemplate jdbc;

    ReferralSummaryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReferralSummary> findById(String referralId) {
        return jdbc.query("""
                        SELECT referral_id, person_id, referred_on, source, referrer_organisation, gp_practice, pcn,
                               borough_gss_code, needs, urgency, status, recorded_at
                        FROM referral_summary WHERE referral_id = ?
                        """, ReferralSummaryRepository::map, referralId)
                .stream().findFirst();
    }

    private static ReferralSummary map(ResultSet rs, int row) throws SQLException {
        return new ReferralSummary(
                rs.getString("referral_id"),
                rs.getString("person_id"),
                rs.getObject("referred_on", java.time.LocalDate.class),
                rs.getString("source"),
                rs.getString("referrer_organisation"),
                rs.getString("gp_practice"),
                rs.getString("pcn"),
                rs.getString("borough_gss_code"),
                strings(rs.getArray("needs")),
                rs.getString("urgency"),
                rs.getString("status"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
