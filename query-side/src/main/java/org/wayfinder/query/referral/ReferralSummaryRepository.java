package org.wayfinder.query.referral;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;

@Repository
class ReferralSummaryRepository {

    private final JdbcTemplate jdbc;

    ReferralSummaryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReferralSummary> findById(String referralId) {
        List<ReferralSummary.Connection> connections = jdbc.query("""
                        SELECT activity_id, provider_id, connected_on FROM referral_connection
                        WHERE referral_id = ? ORDER BY connected_on, activity_id
                        """, (rs, row) -> new ReferralSummary.Connection(rs.getString("activity_id"),
                        rs.getString("provider_id"), rs.getObject("connected_on", LocalDate.class)),
                referralId);
        ReferralSummary.Attendance attendance = jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE status = 'ATTENDED') AS attended,
                       count(*) FILTER (WHERE status = 'DID_NOT_ATTEND') AS did_not_attend,
                       count(*) FILTER (WHERE status = 'CANCELLED_BY_PROVIDER') AS cancelled_by_provider,
                       count(*) FILTER (WHERE status = 'CANCELLED_BY_PERSON') AS cancelled_by_person
                FROM referral_attendance WHERE referral_id = ? AND NOT voided
                """, (rs, row) -> new ReferralSummary.Attendance(rs.getInt("attended"), rs.getInt("did_not_attend"),
                rs.getInt("cancelled_by_provider"), rs.getInt("cancelled_by_person")), referralId);
        List<ReferralSummary.Session> sessions = jdbc.query("""
                        SELECT attendance_id, activity_id, session_on, status, corrected, voided FROM referral_attendance
                        WHERE referral_id = ? ORDER BY session_on, attendance_id
                        """, (rs, row) -> new ReferralSummary.Session(rs.getString("attendance_id"),
                        rs.getString("activity_id"), rs.getObject("session_on", LocalDate.class), rs.getString("status"),
                        rs.getBoolean("corrected"), rs.getBoolean("voided")),
                referralId);
        List<ReferralSummary.WellbeingMeasure> measures = jdbc.query("""
                        SELECT * FROM referral_wellbeing_measure WHERE referral_id = ? ORDER BY measured_on, measure_id
                        """, (rs, row) -> measure(rs), referralId);
        return jdbc.query("SELECT * FROM referral_summary WHERE referral_id = ?",
                        (rs, row) -> map(rs, connections, attendance, sessions, measures), referralId)
                .stream().findFirst();
    }

    private static ReferralSummary.WellbeingMeasure measure(ResultSet rs) throws SQLException {
        List<Integer> items = Arrays.asList((Integer[]) rs.getArray("item_responses").getArray());
        String instrument = rs.getString("instrument");
        return new ReferralSummary.WellbeingMeasure(rs.getString("measure_id"), instrument,
                rs.getString("instrument_version"), rs.getString("time_point"),
                rs.getObject("measured_on", LocalDate.class), (Integer) rs.getObject("days_since_baseline"),
                items, rs.getString("ons_loneliness"),
                WellbeingScoring.score(Instrument.valueOf(instrument), items),
                rs.getBoolean("corrected"), rs.getBoolean("voided"));
    }

    private static ReferralSummary map(ResultSet rs, List<ReferralSummary.Connection> connections,
                                       ReferralSummary.Attendance attendance, List<ReferralSummary.Session> sessions,
                                       List<ReferralSummary.WellbeingMeasure> measures) throws SQLException {
        return new ReferralSummary(
                rs.getString("referral_id"),
                rs.getString("person_id"),
                rs.getObject("referred_on", LocalDate.class),
                rs.getString("source"),
                rs.getString("referrer_organisation"),
                rs.getString("gp_practice"),
                rs.getString("pcn"),
                rs.getString("borough_gss_code"),
                strings(rs.getArray("needs")),
                rs.getString("urgency"),
                rs.getString("status"),
                rs.getString("organisation"),
                rs.getString("link_worker_id"),
                rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("declined_on", LocalDate.class),
                rs.getString("declined_by"),
                rs.getString("decline_reason"),
                rs.getObject("first_contact_on", LocalDate.class),
                rs.getString("first_contact_channel"),
                strings(rs.getArray("assessed_needs")),
                rs.getObject("last_assessed_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                rs.getString("outcome"),
                rs.getObject("reopened_on", LocalDate.class),
                connections,
                attendance,
                sessions,
                measures,
                rs.getLong("version"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
