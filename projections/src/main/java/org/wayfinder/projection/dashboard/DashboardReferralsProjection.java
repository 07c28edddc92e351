package org.wayfinder.projection.dashboard;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.person.PersonDemographicsRecorded;
import org.wayfinder.kernel.person.PersonMergedInto;
import org.wayfinder.kernel.person.PersonRegistered;
import org.wayfinder.kernel.referral.AttendanceCorrected;
import org.wayfinder.kernel.referral.AttendanceRecorded;
import org.wayfinder.kernel.referral.AttendanceVoided;
import org.wayfinder.kernel.referral.ConnectedToActivity;
import org.wayfinder.kernel.referral.FirstContactMade;
import org.wayfinder.kernel.referral.NeedsAssessed;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralClosed;
import org.wayfinder.kernel.referral.ReferralDeclined;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralReopened;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;
import org.wayfinder.projection.support.BatchScoped;
import org.wayfinder.projection.support.BatchedWrites;
import org.wayfinder.projection.support.BulkBuild;

/**
 * The commissioner dashboards' referral views (volumes, funnel, waits, attendance, needs and sources, equity,
 * caseloads, the wellbeing headline): {@code dash_referral} holds one fact row per referral with the dimensions it is filtered by;
 * {@code dash_referral_rollup}, {@code dash_referral_wait} and {@code dash_caseload} are rebuilt from those rows
 * for every month and borough a batch touched, once per batch, so the API only sums small precomputed tables.
 * During a rebuild's build phase ({@link BulkBuild}) the rollups and each referral's attendance totals are left
 * alone and computed once from the fact rows at its end.
 */
@Component
@ProcessingGroup(DashboardReferralsProjection.PROCESSING_GROUP)
public class DashboardReferralsProjection implements BulkBuild.Deferring {

    public static final String PROCESSING_GROUP = "dashboard-referrals";

    /** What a referral counts as when a dimension is not recorded. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final String UPSERT_RECEIVED = """
            INSERT INTO dash_referral (referral_id, person_id, referred_on, month, financial_year, borough_gss_code,
                                       pcn, source, needs, age_band, sex, ethnic_group, imd_decile)
            SELECT v.referral_id, v.person_id, v.referred_on, v.month, v.financial_year, v.borough, v.pcn, v.source,
                   v.needs, COALESCE(p.age_band, 'UNKNOWN'), COALESCE(p.sex, 'UNKNOWN'),
                   COALESCE(p.ethnic_group, 'UNKNOWN'), COALESCE(p.imd_decile::text, 'UNKNOWN')
            FROM (SELECT ?::text AS referral_id, ?::text AS person_id, ?::date AS referred_on, ?::date AS month,
                         ?::integer AS financial_year, ?::text AS borough, ?::text AS pcn, ?::text AS source,
                         ?::text[] AS needs) v
            LEFT JOIN dash_person p ON p.person_id = v.person_id
            ON CONFLICT (referral_id) DO UPDATE SET person_id = EXCLUDED.person_id,
                referred_on = EXCLUDED.referred_on, month = EXCLUDED.month,
                financial_year = EXCLUDED.financial_year, borough_gss_code = EXCLUDED.borough_gss_code,
                pcn = EXCLUDED.pcn, source = EXCLUDED.source, needs = EXCLUDED.needs,
                age_band = EXCLUDED.age_band, sex = EXCLUDED.sex, ethnic_group = EXCLUDED.ethnic_group,
                imd_decile = EXCLUDED.imd_decile
            """;

    private static final String ATTENDANCE_TOTALS = """
            UPDATE dash_referral r SET attended_sessions = a.attended, missed_sessions = a.missed,
                first_attended_on = a.first_attended
            FROM (SELECT count(*) FILTER (WHERE status = 'ATTENDED' AND NOT voided) AS attended,
                         count(*) FILTER (WHERE status = 'DID_NOT_ATTEND' AND NOT voided) AS missed,
                         min(session_on) FILTER (WHERE status = 'ATTENDED' AND NOT voided) AS first_attended
                  FROM dash_referral_attendance WHERE referral_id = ?) a
            WHERE r.referral_id = ?
            """;

    private static final String ALL_ATTENDANCE_TOTALS = """
            UPDATE dash_referral r SET attended_sessions = a.attended, missed_sessions = a.missed,
                first_attended_on = a.first_attended
            FROM (SELECT referral_id,
                         count(*) FILTER (WHERE status = 'ATTENDED' AND NOT voided) AS attended,
                         count(*) FILTER (WHERE status = 'DID_NOT_ATTEND' AND NOT voided) AS missed,
                         min(session_on) FILTER (WHERE status = 'ATTENDED' AND NOT voided) AS first_attended
                  FROM dash_referral_attendance GROUP BY referral_id) a
            WHERE r.referral_id = a.referral_id
            """;

    // The referrals of the touched buckets, each flagged when it is its person's first accepted referral of the
    // financial year: summing that flag over months and boroughs counts people, not referrals.
    private static final String FACTS = """
            WITH f AS (
                SELECT r.*, (r.accepted_on IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM dash_referral o WHERE o.person_id = r.person_id
                            AND o.financial_year = r.financial_year AND o.accepted_on IS NOT NULL
                            AND (o.referred_on, o.referral_id) < (r.referred_on, r.referral_id))) AS first_support,
                       (r.baseline_score IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM dash_referral o WHERE o.person_id = r.person_id
                            AND o.financial_year = r.financial_year AND o.baseline_score IS NOT NULL
                            AND (o.follow_up_score IS NULL, o.baseline_on, o.referral_id)
                                < (r.follow_up_score IS NULL, r.baseline_on, r.referral_id))) AS first_wellbeing
                FROM dash_referral r
                JOIN unnest(?::date[], ?::text[]) AS b(month, borough)
                  ON b.month = r.month AND b.borough = r.borough_gss_code),
            d AS (
                SELECT f.*, x.dimension, x.value FROM f CROSS JOIN LATERAL (
                    SELECT 'all', 'all' UNION ALL SELECT 'pcn', f.pcn UNION ALL SELECT 'source', f.source
                    UNION ALL SELECT 'age_band', f.age_band UNION ALL SELECT 'sex', f.sex
                    UNION ALL SELECT 'ethnic_group', f.ethnic_group UNION ALL SELECT 'imd_decile', f.imd_decile
                    UNION ALL SELECT 'need', n FROM unnest(CASE WHEN cardinality(f.needs) = 0
                        THEN ARRAY['none'] ELSE f.needs END) n) x(dimension, value))
            """;

    private static final String ROLLUP = FACTS + """
            INSERT INTO dash_referral_rollup (month, borough_gss_code, dimension, value, received, accepted, declined,
                people_supported, contacted, assessed, connected, attended, completed, closed, sessions_attended,
                sessions_missed, with_baseline, matched, improved)
            SELECT month, borough_gss_code, dimension, value, count(*), count(accepted_on), count(declined_on),
                   count(*) FILTER (WHERE first_support), count(first_contact_on), count(assessed_on),
                   count(connected_on), count(*) FILTER (WHERE attended_sessions > 0),
                   count(*) FILTER (WHERE outcome = 'COMPLETED'), count(closed_on), sum(attended_sessions),
                   sum(missed_sessions), count(*) FILTER (WHERE first_wellbeing),
                   count(*) FILTER (WHERE first_wellbeing AND follow_up_score IS NOT NULL),
                   count(*) FILTER (WHERE first_wellbeing AND follow_up_score - baseline_score >= %d)
            FROM d GROUP BY month, borough_gss_code, dimension, value
            """.formatted(WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS);

    private static final String WAITS = FACTS + """
            INSERT INTO dash_referral_wait (month, borough_gss_code, dimension, value, wait, days, referrals)
            SELECT d.month, d.borough_gss_code, d.dimension, d.value, w.wait, w.days, count(*)
            FROM d CROSS JOIN LATERAL (
                SELECT 'first-contact', d.first_contact_on - d.referred_on WHERE d.first_contact_on IS NOT NULL
                UNION ALL
                SELECT 'first-activity', d.first_attended_on - d.referred_on WHERE d.first_attended_on IS NOT NULL
            ) w(wait, days)
            WHERE w.days >= 0
            GROUP BY d.month, d.borough_gss_code, d.dimension, d.value, w.wait, w.days
            """;

    // London's wait histograms per month (borough '*'), from the boroughs' rows of the given months.
    private static final String LONDON_WAITS = """
            INSERT INTO dash_referral_wait (month, borough_gss_code, dimension, value, wait, days, referrals)
            SELECT month, '*', 'all', 'all', wait, days, sum(referrals) FROM dash_referral_wait
            WHERE dimension = 'all' AND value = 'all' AND month = ANY(?::date[]) AND borough_gss_code <> '*'
            GROUP BY month, wait, days
            """;

    // Each borough's wait histograms per financial year, from its monthly rows.
    private static final String YEAR_WAITS = """
            INSERT INTO dash_referral_wait_year (financial_year, borough_gss_code, wait, days, referrals)
            SELECT b.financial_year, b.borough, w.wait, w.days, sum(w.referrals)
            FROM unnest(?::integer[], ?::text[]) AS b(financial_year, borough)
            JOIN dash_referral_wait w ON w.dimension = 'all' AND w.value = 'all' AND w.borough_gss_code = b.borough
             AND w.month BETWEEN make_date(b.financial_year, 4, 1) AND make_date(b.financial_year + 1, 3, 1)
            GROUP BY b.financial_year, b.borough, w.wait, w.days
            """;

    private static final String CASELOADS = """
            INSERT INTO dash_caseload (financial_year, link_worker_id, borough_gss_code, people)
            SELECT EXTRACT(YEAR FROM accepted_on - INTERVAL '3 months')::integer, link_worker_id,
                   mode() WITHIN GROUP (ORDER BY borough_gss_code), count(DISTINCT person_id)
            FROM dash_referral WHERE link_worker_id = ANY(?) AND accepted_on IS NOT NULL
            GROUP BY 1, 2
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final DashboardWellbeing wellbeing;
    private final BatchScoped<Touched> touched = new BatchScoped<>(
            DashboardReferralsProjection.class.getName() + "/touched", Touched::new, this::refresh);

    public DashboardReferralsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
        this.wellbeing = new DashboardWellbeing(writes, "dash_referral_wellbeing", "dash_referral");
    }

    @EventHandler
    void on(PersonRegistered event) {
        writes.add("""
                INSERT INTO dash_person (person_id, age_band, sex, ethnic_group, imd_decile) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET age_band = EXCLUDED.age_band, sex = EXCLUDED.sex,
                    ethnic_group = EXCLUDED.ethnic_group, imd_decile = EXCLUDED.imd_decile""",
                event.personId(), name(event.ageBand()), name(event.sex()),
                event.ethnicCategory() == null ? null : event.ethnicCategory().broadGroup().name(), event.imdDecile());
    }

    @EventHandler
    void on(PersonDemographicsRecorded event) {
        writes.add("""
                INSERT INTO dash_person (person_id, sex, ethnic_group, imd_decile) VALUES (?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET sex = EXCLUDED.sex, ethnic_group = EXCLUDED.ethnic_group,
                    imd_decile = EXCLUDED.imd_decile""",
                event.personId(), name(event.sex()),
                event.ethnicCategory() == null ? null : event.ethnicCategory().broadGroup().name(), event.imdDecile());
    }

    @EventHandler
    void on(PersonMergedInto event) {
        writes.add("UPDATE dash_referral SET person_id = ? WHERE person_id = ?", event.survivorId(), event.personId());
        touch(null, event.survivorId());
    }

    @EventHandler
    void on(ReferralReceived event) {
        LocalDate on = event.referredOn();
        writes.add(UPSERT_RECEIVED, event.referralId(), event.personId(), on, on.withDayOfMonth(1),
                financialYear(on), orUnknown(event.boroughGssCode()), orUnknown(event.pcn()), event.source().name(),
                textArray(event.needs()));
        touch(event.referralId());
    }

    @EventHandler
    void on(ReferralAccepted event) {
        update("UPDATE dash_referral SET accepted_on = ?, link_worker_id = ? WHERE referral_id = ?",
                event.referralId(), event.acceptedOn(), event.linkWorkerId());
    }

    @EventHandler
    void on(ReferralDeclined event) {
        update("UPDATE dash_referral SET declined_on = ? WHERE referral_id = ?", event.referralId(), event.declinedOn());
    }

    @EventHandler
    void on(FirstContactMade event) {
        update("UPDATE dash_referral SET first_contact_on = LEAST(first_contact_on, ?::date) WHERE referral_id = ?",
                event.referralId(), event.contactedOn());
    }

    @EventHandler
    void on(NeedsAssessed event) {
        update("UPDATE dash_referral SET assessed_on = LEAST(assessed_on, ?::date) WHERE referral_id = ?",
                event.referralId(), event.assessedOn());
    }

    @EventHandler
    void on(ConnectedToActivity event) {
        update("UPDATE dash_referral SET connected_on = LEAST(connected_on, ?::date) WHERE referral_id = ?",
                event.referralId(), event.connectedOn());
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        writes.add("""
                INSERT INTO dash_referral_attendance (referral_id, attendance_id, session_on, status)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (referral_id, attendance_id) DO UPDATE SET session_on = EXCLUDED.session_on,
                    status = EXCLUDED.status, voided = FALSE""",
                event.referralId(), event.attendanceId(), event.sessionOn(), event.status().name());
        attendanceTotals(event.referralId());
    }

    @EventHandler
    void on(AttendanceCorrected event) {
        writes.add("UPDATE dash_referral_attendance SET session_on = ?, status = ? WHERE referral_id = ? AND attendance_id = ?",
                event.sessionOn(), event.status().name(), event.referralId(), event.attendanceId());
        attendanceTotals(event.referralId());
    }

    @EventHandler
    void on(AttendanceVoided event) {
        writes.add("UPDATE dash_referral_attendance SET voided = TRUE WHERE referral_id = ? AND attendance_id = ?",
                event.referralId(), event.attendanceId());
        attendanceTotals(event.referralId());
    }

    @EventHandler
    void on(ReferralClosed event) {
        update("UPDATE dash_referral SET closed_on = ?, outcome = ? WHERE referral_id = ?", event.referralId(),
                event.closedOn(), event.outcome().name());
    }

    @EventHandler
    void on(ReferralReopened event) {
        update("UPDATE dash_referral SET closed_on = NULL, outcome = NULL, declined_on = NULL WHERE referral_id = ?",
                event.referralId());
    }

    @EventHandler
    void on(WellbeingMeasured event) {
        if (wellbeing.measured(event)) {
            touch(event.referralId());
        }
    }

    @EventHandler
    void on(WellbeingMeasureCorrected event) {
        wellbeing.corrected(event.referralId(), event.measureId(), event.itemResponses());
        touch(event.referralId());
    }

    @EventHandler
    void on(WellbeingMeasureVoided event) {
        wellbeing.voided(event.referralId(), event.measureId());
        touch(event.referralId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE dash_person, dash_referral, dash_referral_attendance, dash_referral_wellbeing, "
                + "dash_referral_rollup, dash_referral_wait, dash_referral_wait_year, dash_caseload");
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    /** The end of a build phase: attendance totals, then every rollup, from the fact rows. */
    @Override
    public void completeBulkBuild() {
        jdbc.update(ALL_ATTENDANCE_TOTALS);
        wellbeing.allPairs(jdbc);
        rebuildRollupsFromFacts();
    }

    /**
     * Rebuilds every rollup from the fact rows as they stand, in one pass: for loading facts in bulk (the
     * dashboard benchmark does) and for checking that the per-batch rollups equal a full rebuild.
     */
    public void rebuildRollupsFromFacts() {
        jdbc.execute("TRUNCATE dash_referral_rollup, dash_referral_wait, dash_referral_wait_year, dash_caseload");
        List<Object[]> buckets = jdbc.query("SELECT DISTINCT month, borough_gss_code FROM dash_referral",
                (rs, i) -> new Object[] {rs.getDate(1), rs.getString(2)});
        if (buckets.isEmpty()) {
            return;
        }
        Array months = jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf("date", buckets.stream().map(b -> (Date) b[0]).toArray()));
        Array boroughs = textArray(buckets.stream().map(b -> (String) b[1]).toList());
        jdbc.update(ROLLUP, months, boroughs);
        jdbc.update(WAITS, months, boroughs);
        waitAggregates(buckets);
        jdbc.update(CASELOADS, textArray(jdbc.queryForList(
                "SELECT DISTINCT link_worker_id FROM dash_referral WHERE link_worker_id IS NOT NULL", String.class)));
    }

    /** London's monthly and the boroughs' yearly wait histograms again, for the months and boroughs given. */
    private void waitAggregates(List<Object[]> buckets) {
        Array months = jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf("date", buckets.stream().map(b -> b[0]).distinct().toArray()));
        jdbc.update("DELETE FROM dash_referral_wait WHERE dimension = 'all' AND value = 'all' AND month = ANY(?::date[]) "
                + "AND borough_gss_code = '*'", months);
        jdbc.update(LONDON_WAITS, months);
        List<Object[]> years = buckets.stream()
                .map(b -> List.of(financialYear(((Date) b[0]).toLocalDate()), (String) b[1])).distinct()
                .map(List::toArray).toList();
        Array fys = jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf("integer", years.stream().map(y -> y[0]).toArray()));
        Array boroughs = textArray(years.stream().map(y -> (String) y[1]).toList());
        jdbc.update("DELETE FROM dash_referral_wait_year t USING unnest(?::integer[], ?::text[]) AS b(financial_year, "
                + "borough) WHERE t.financial_year = b.financial_year AND t.borough_gss_code = b.borough", fys, boroughs);
        jdbc.update(YEAR_WAITS, fys, boroughs);
    }

    /** The NHS financial year (April to March) of a date, named by the year it starts in. */
    public static int financialYear(LocalDate on) {
        return on.getMonthValue() >= 4 ? on.getYear() : on.getYear() - 1;
    }

    private void update(String sql, String referralId, Object... values) {
        Object[] args = new Object[values.length + 1];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = referralId;
        writes.add(sql, args);
        touch(referralId);
    }

    private void attendanceTotals(String referralId) {
        if (BulkBuild.inProgress()) {
            return;
        }
        writes.add(ATTENDANCE_TOTALS, referralId, referralId);
        touch(referralId);
    }

    private void touch(String referralId) {
        touch(referralId, null);
    }

    // Registered after BatchedWrites' own flush (every handler adds a write before it touches), so the rollups
    // are rebuilt from fact rows that already hold this batch's changes, in the batch's transaction.
    private void touch(String referralId, String personId) {
        if (BulkBuild.inProgress()) {
            return;
        }
        touched.update(touched -> {
            if (referralId != null) {
                touched.referrals.add(referralId);
            }
            if (personId != null) {
                touched.people.add(personId);
            }
        });
    }

    private void refresh(Touched touched) {
        if (touched.referrals.isEmpty() && touched.people.isEmpty()) {
            return;
        }
        Array referrals = textArray(List.copyOf(touched.referrals));
        Array people = textArray(List.copyOf(touched.people));
        List<Object[]> buckets = jdbc.query("""
                SELECT DISTINCT month, borough_gss_code FROM dash_referral
                WHERE person_id IN (SELECT person_id FROM dash_referral WHERE referral_id = ANY(?)
                                    UNION SELECT unnest(?::text[]))""",
                (rs, i) -> new Object[] {rs.getDate(1), rs.getString(2)}, referrals, people);
        if (!buckets.isEmpty()) {
            Array months = jdbc.execute((ConnectionCallback<Array>) c ->
                    c.createArrayOf("date", buckets.stream().map(b -> (Date) b[0]).toArray()));
            Array boroughs = textArray(buckets.stream().map(b -> (String) b[1]).toList());
            String inBuckets = " USING unnest(?::date[], ?::text[]) AS b(month, borough) "
                    + "WHERE t.month = b.month AND t.borough_gss_code = b.borough";
            jdbc.update("DELETE FROM dash_referral_rollup t" + inBuckets, months, boroughs);
            jdbc.update("DELETE FROM dash_referral_wait t" + inBuckets, months, boroughs);
            jdbc.update(ROLLUP, months, boroughs);
            jdbc.update(WAITS, months, boroughs);
            waitAggregates(buckets);
        }
        List<String> linkWorkers = jdbc.queryForList("""
                SELECT DISTINCT link_worker_id FROM dash_referral WHERE link_worker_id IS NOT NULL
                AND person_id IN (SELECT person_id FROM dash_referral WHERE referral_id = ANY(?)
                                  UNION SELECT unnest(?::text[]))""", String.class, referrals, people);
        if (!linkWorkers.isEmpty()) {
            Array workers = textArray(linkWorkers);
            jdbc.update("DELETE FROM dash_caseload WHERE link_worker_id = ANY(?)", workers);
            jdbc.update(CASELOADS, workers);
        }
        touched.referrals.clear();
        touched.people.clear();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    private Array textArray(List<String> values) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("text", values.toArray(String[]::new)));
    }

    private static final class Touched {
        final Set<String> referrals = new LinkedHashSet<>();
        final Set<String> people = new LinkedHashSet<>();
    }
}
