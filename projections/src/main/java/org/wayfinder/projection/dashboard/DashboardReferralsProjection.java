package org.wayfinder.projection.dashboard;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * {@code dash_referral_rollup} and {@code dash_referral_wait} (with London's monthly and the boroughs' yearly waits)
 * are kept current once per batch by taking away, then adding again, the counts of the referrals the batch changes
 * ({@link #refreshAround}); {@code dash_caseload} is counted again for the link workers of those referrals. So the
 * API only sums small precomputed tables.
 * During a rebuild's build phase ({@link BulkBuild}) the rollups and each referral's attendance totals are left
 * alone and computed once from the fact rows at its end.
 */
@Component
@ProcessingGroup(DashboardReferralsProjection.PROCESSING_GROUP)
public class DashboardReferralsProjection implements BulkBuild.Deferring {

    public static final String PROCESSING_GROUP = "dashboard-referrals";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardReferralsProjection.class);

    /** What a referral counts as when a dimension is not recorded. */
    public static final String UNKNOWN = "UNKNOWN";

    /** The financial year (April to March) a referral's acceptance falls in, which its link worker's caseload counts. */
    private static final String CASELOAD_YEAR = "EXTRACT(YEAR FROM accepted_on - INTERVAL '3 months')::integer";

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

    // The attended and missed sessions of the given referrals, counted again from their session rows (once per batch).
    private static final String ATTENDANCE_TOTALS = """
            UPDATE dash_referral r SET attended_sessions = a.attended, missed_sessions = a.missed,
                first_attended_on = a.first_attended
            FROM (SELECT k.referral_id,
                         count(s.referral_id) FILTER (WHERE s.status = 'ATTENDED' AND NOT s.voided) AS attended,
                         count(s.referral_id) FILTER (WHERE s.status = 'DID_NOT_ATTEND' AND NOT s.voided) AS missed,
                         min(s.session_on) FILTER (WHERE s.status = 'ATTENDED' AND NOT s.voided) AS first_attended
                  FROM unnest(?::text[]) AS k(referral_id)
                  LEFT JOIN dash_referral_attendance s ON s.referral_id = k.referral_id
                  GROUP BY k.referral_id) a
            WHERE r.referral_id = a.referral_id
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
    private static final String FACTS = facts("""
            JOIN unnest(?::date[], ?::text[]) AS b(month, borough)
              ON b.month = r.month AND b.borough = r.borough_gss_code""");

    // The same for the referrals given by id: the flags still look at all of each person's referrals.
    private static final String FACTS_OF_REFERRALS = facts("WHERE r.referral_id = ANY(?::text[])");

    // A rollup row's counts; %1$s multiplies each (nothing, or "-1 *" to take the referrals' counts away).
    private static final String ROLLUP_COUNTS = """
            SELECT month, borough_gss_code, dimension, value, %1$s count(*), %1$s count(accepted_on),
                   %1$s count(declined_on), %1$s count(*) FILTER (WHERE first_support), %1$s count(first_contact_on),
                   %1$s count(assessed_on), %1$s count(connected_on),
                   %1$s count(*) FILTER (WHERE attended_sessions > 0),
                   %1$s count(*) FILTER (WHERE outcome = 'COMPLETED'), %1$s count(closed_on),
                   %1$s sum(attended_sessions), %1$s sum(missed_sessions),
                   %1$s count(*) FILTER (WHERE first_wellbeing),
                   %1$s count(*) FILTER (WHERE first_wellbeing AND follow_up_score IS NOT NULL),
                   %1$s count(*) FILTER (WHERE first_wellbeing AND follow_up_score - baseline_score >= %2$d)
            FROM d GROUP BY month, borough_gss_code, dimension, value
            """;

    private static final String ROLLUP_COLUMNS = """
            (month, borough_gss_code, dimension, value, received, accepted, declined,
                people_supported, contacted, assessed, connected, attended, completed, closed, sessions_attended,
                sessions_missed, with_baseline, matched, improved)
            """;

    private static final String ROLLUP = FACTS + "INSERT INTO dash_referral_rollup " + ROLLUP_COLUMNS
            + ROLLUP_COUNTS.formatted("", WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS);

    // Each wait of the referrals in d in whole days, counted per day; %s multiplies the count as above.
    private static final String WAIT_COUNTS = """
            SELECT d.month, d.borough_gss_code, d.dimension, d.value, w.wait, w.days, %s count(*) AS referrals
            FROM d CROSS JOIN LATERAL (
                SELECT 'first-contact', d.first_contact_on - d.referred_on WHERE d.first_contact_on IS NOT NULL
                UNION ALL
                SELECT 'first-activity', d.first_attended_on - d.referred_on WHERE d.first_attended_on IS NOT NULL
            ) w(wait, days)
            WHERE w.days >= 0
            GROUP BY d.month, d.borough_gss_code, d.dimension, d.value, w.wait, w.days
            """;

    private static final String WAITS = FACTS
            + "INSERT INTO dash_referral_wait (month, borough_gss_code, dimension, value, wait, days, referrals)\n"
            + WAIT_COUNTS.formatted("");

    // Adds the referrals' counts to the rollup rows and to the waits (the boroughs' monthly rows, London's monthly
    // rows, borough '*', and the boroughs' yearly rows, as waitAggregates derives them), or takes them away, in one
    // statement that works out the referrals' facts once; returns the keys of rows left at zero.
    private static final String ADD_TO_ROLLUPS = delta("");
    private static final String TAKE_FROM_ROLLUPS = delta("-1 *");

    private static final String DELETE_EMPTY_ROLLUP = """
            DELETE FROM dash_referral_rollup t
            USING unnest(?::text[], ?::text[], ?::date[], ?::text[]) AS z(dimension, value, month, borough)
            WHERE t.dimension = z.dimension AND t.value = z.value AND t.month = z.month
              AND t.borough_gss_code = z.borough AND t.received = 0""";

    private static final String DELETE_EMPTY_WAITS = """
            DELETE FROM dash_referral_wait t
            USING unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::integer[])
                AS z(dimension, value, month, borough, wait, days)
            WHERE t.dimension = z.dimension AND t.value = z.value AND t.month = z.month
              AND t.borough_gss_code = z.borough AND t.wait = z.wait AND t.days = z.days AND t.referrals = 0""";

    private static final String DELETE_EMPTY_YEAR_WAITS = """
            DELETE FROM dash_referral_wait_year t
            USING unnest(?::integer[], ?::text[], ?::text[], ?::integer[]) AS z(financial_year, borough, wait, days)
            WHERE t.financial_year = z.financial_year AND t.borough_gss_code = z.borough AND t.wait = z.wait
              AND t.days = z.days AND t.referrals = 0""";

    // The touched referrals and every referral of their people and of the touched people, with the caseload (link
    // worker and financial year of acceptance) each counts in.
    private static final String AFFECTED = """
            SELECT referral_id, link_worker_id, %1$s FROM dash_referral WHERE referral_id = ANY(?::text[])
            UNION
            SELECT referral_id, link_worker_id, %1$s FROM dash_referral
            WHERE person_id IN (SELECT person_id FROM dash_referral WHERE referral_id = ANY(?::text[])
                                UNION SELECT unnest(?::text[]))""".formatted(CASELOAD_YEAR);

    // f is materialised: inlined, PostgreSQL evaluates the two flags' subqueries once per row of d (nine or so per
    // referral, one per dimension) instead of once per referral.
    private static String facts(String which) {
        return """
            WITH f AS MATERIALIZED (
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
                %s),
            d AS (
                SELECT f.*, x.dimension, x.value FROM f CROSS JOIN LATERAL (
                    SELECT 'all', 'all' UNION ALL SELECT 'pcn', f.pcn UNION ALL SELECT 'source', f.source
                    UNION ALL SELECT 'age_band', f.age_band UNION ALL SELECT 'sex', f.sex
                    UNION ALL SELECT 'ethnic_group', f.ethnic_group UNION ALL SELECT 'imd_decile', f.imd_decile
                    UNION ALL SELECT 'need', n FROM unnest(CASE WHEN cardinality(f.needs) = 0
                        THEN ARRAY['none'] ELSE f.needs END) n) x(dimension, value))
            """.formatted(which);
    }

    private static String delta(String sign) {
        return FACTS_OF_REFERRALS + """
                , changed AS (
                    INSERT INTO dash_referral_rollup AS t %1$s
                    %2$s
                    ON CONFLICT (dimension, value, month, borough_gss_code) DO UPDATE SET
                        received = t.received + EXCLUDED.received, accepted = t.accepted + EXCLUDED.accepted,
                        declined = t.declined + EXCLUDED.declined,
                        people_supported = t.people_supported + EXCLUDED.people_supported,
                        contacted = t.contacted + EXCLUDED.contacted, assessed = t.assessed + EXCLUDED.assessed,
                        connected = t.connected + EXCLUDED.connected, attended = t.attended + EXCLUDED.attended,
                        completed = t.completed + EXCLUDED.completed, closed = t.closed + EXCLUDED.closed,
                        sessions_attended = t.sessions_attended + EXCLUDED.sessions_attended,
                        sessions_missed = t.sessions_missed + EXCLUDED.sessions_missed,
                        with_baseline = t.with_baseline + EXCLUDED.with_baseline,
                        matched = t.matched + EXCLUDED.matched, improved = t.improved + EXCLUDED.improved
                    RETURNING t.dimension, t.value, t.month, t.borough_gss_code, t.received),
                w AS (%3$s),
                monthly AS (
                    INSERT INTO dash_referral_wait AS t (month, borough_gss_code, dimension, value, wait, days, referrals)
                    SELECT * FROM w
                    ON CONFLICT (dimension, value, month, borough_gss_code, wait, days)
                    DO UPDATE SET referrals = t.referrals + EXCLUDED.referrals
                    RETURNING t.month, t.borough_gss_code, t.dimension, t.value, t.wait, t.days, t.referrals),
                london AS (
                    INSERT INTO dash_referral_wait AS t (month, borough_gss_code, dimension, value, wait, days, referrals)
                    SELECT month, '*', 'all', 'all', wait, days, sum(referrals) FROM w WHERE dimension = 'all'
                    GROUP BY month, wait, days
                    ON CONFLICT (dimension, value, month, borough_gss_code, wait, days)
                    DO UPDATE SET referrals = t.referrals + EXCLUDED.referrals
                    RETURNING t.month, t.borough_gss_code, t.dimension, t.value, t.wait, t.days, t.referrals),
                yearly AS (
                    INSERT INTO dash_referral_wait_year AS t (financial_year, borough_gss_code, wait, days, referrals)
                    SELECT EXTRACT(YEAR FROM month - INTERVAL '3 months')::integer, borough_gss_code, wait, days,
                           sum(referrals)
                    FROM w WHERE dimension = 'all' GROUP BY 1, 2, 3, 4
                    ON CONFLICT (financial_year, borough_gss_code, wait, days)
                    DO UPDATE SET referrals = t.referrals + EXCLUDED.referrals
                    RETURNING t.financial_year, t.borough_gss_code, t.wait, t.days, t.referrals)
                SELECT 'rollup' AS kind, month, borough_gss_code, dimension, value, NULL::text AS wait,
                       NULL::integer AS days, NULL::integer AS financial_year
                FROM changed WHERE received = 0
                UNION ALL
                SELECT 'wait', month, borough_gss_code, dimension, value, wait, days, NULL FROM monthly
                WHERE referrals = 0
                UNION ALL
                SELECT 'wait', month, borough_gss_code, dimension, value, wait, days, NULL FROM london WHERE referrals = 0
                UNION ALL
                SELECT 'year', NULL, borough_gss_code, NULL, NULL, wait, days, financial_year FROM yearly
                WHERE referrals = 0
                """.formatted(ROLLUP_COLUMNS,
                ROLLUP_COUNTS.formatted(sign, WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS),
                WAIT_COUNTS.formatted(sign));
    }

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

    // The caseloads of the given link workers in the given financial years (of acceptance).
    private static final String CASELOADS_OF = """
            INSERT INTO dash_caseload (financial_year, link_worker_id, borough_gss_code, people)
            SELECT k.financial_year, k.link_worker_id, mode() WITHIN GROUP (ORDER BY r.borough_gss_code),
                   count(DISTINCT r.person_id)
            FROM unnest(?::text[], ?::integer[]) AS k(link_worker_id, financial_year)
            JOIN dash_referral r ON r.link_worker_id = k.link_worker_id
             AND r.accepted_on >= make_date(k.financial_year, 4, 1)
             AND r.accepted_on < make_date(k.financial_year + 1, 4, 1)
            GROUP BY k.financial_year, k.link_worker_id
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
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP, this::refreshAround);
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
        touch(null, event.personId());
        touch(null, event.survivorId());
        touchCaseloads(null, event.personId());
        touchCaseloads(null, event.survivorId());
    }

    @EventHandler
    void on(ReferralReceived event) {
        LocalDate on = event.referredOn();
        writes.add(UPSERT_RECEIVED, event.referralId(), event.personId(), on, on.withDayOfMonth(1),
                financialYear(on), orUnknown(event.boroughGssCode()), orUnknown(event.pcn()), event.source().name(),
                textArray(event.needs()));
        touch(event.referralId(), event.personId());
        touchCaseloads(event.referralId(), event.personId());
    }

    @EventHandler
    void on(ReferralAccepted event) {
        update("UPDATE dash_referral SET accepted_on = ?, link_worker_id = ? WHERE referral_id = ?",
                event.referralId(), event.acceptedOn(), event.linkWorkerId());
        touchCaseloads(event.referralId(), null);
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

    /** The referral's session totals are counted again once per batch, after its writes, before its rollups. */
    private void attendanceTotals(String referralId) {
        if (BulkBuild.inProgress()) {
            return;
        }
        touched.update(touched -> {
            touched.sessionsOf.add(referralId);
            touched.referrals.add(referralId);
        });
    }

    private void touch(String referralId) {
        touch(referralId, null);
    }

    private void touch(String referralId, String personId) {
        touch(referralId, personId, false);
    }

    /** Only an acceptance, a merge or a referral received (again) can change who is in a caseload. */
    private void touchCaseloads(String referralId, String personId) {
        touch(referralId, personId, true);
    }

    private void touch(String referralId, String personId, boolean caseloads) {
        if (BulkBuild.inProgress()) {
            return;
        }
        touched.update(touched -> {
            if (referralId != null) {
                (caseloads ? touched.caseloadReferrals : touched.referrals).add(referralId);
            }
            if (personId != null) {
                (caseloads ? touched.caseloadPeople : touched.people).add(personId);
            }
        });
    }

    /**
     * A batch's writes, with the rollups kept current around them: before the writes, the counts of every referral
     * the batch may change are taken away from the rollups; after them, the same referrals are counted again. A
     * referral's counts depend on its own row and on its person's other referrals of the financial year (who counts
     * as supported, whose wellbeing pair counts), so the batch may change those of the touched referrals, of every
     * referral of their people, and of every referral of a person merged or received in the batch. The work per
     * batch grows with the referrals it touches, not with how many share their month and borough.
     */
    private void refreshAround(UnitOfWork<?> unitOfWork, Runnable writes) {
        Touched batch = touched.peek(unitOfWork);
        if (batch == null || batch.referrals.isEmpty() && batch.people.isEmpty()) {
            writes.run();
            return;
        }
        Array referrals = textArray(List.copyOf(batch.referrals));
        Array people = textArray(List.copyOf(batch.people));
        Map<String, Caseload> before = affected(referrals, people);
        Set<Caseload> caseloads = new LinkedHashSet<>(caseloads(batch));
        Array counted = textArray(List.copyOf(before.keySet()));
        List<EmptyRow> emptied = new ArrayList<>(jdbc.query(TAKE_FROM_ROLLUPS, DashboardReferralsProjection::emptyRow,
                counted));
        writes.run();
        countSessions(batch);
        Map<String, Caseload> after = affected(referrals, people);
        Set<String> recount = new LinkedHashSet<>(before.keySet());
        recount.addAll(batch.referrals);
        Array again = textArray(List.copyOf(recount));
        emptied.addAll(jdbc.query(ADD_TO_ROLLUPS, DashboardReferralsProjection::emptyRow, again));
        deleteEmpty(emptied);
        Set<String> unforeseen = new LinkedHashSet<>(after.keySet());
        unforeseen.removeAll(recount);
        if (!unforeseen.isEmpty()) {
            // Not expected: a referral the batch changed whose counts were not taken away before it. Its month and
            // borough are counted again from the facts, which is right whatever the counts were.
            LOG.warn("Dashboard rollups: {} referrals changed by a batch were not foreseen; their months and boroughs "
                    + "were counted again from the facts", unforeseen.size());
            refreshBuckets(textArray(List.copyOf(unforeseen)), textArray(List.of()));
        }
        caseloads.addAll(caseloads(batch));
        refreshCaseloads(caseloads);
        batch.referrals.clear();
        batch.people.clear();
        batch.caseloadReferrals.clear();
        batch.caseloadPeople.clear();
    }

    private void countSessions(Touched batch) {
        if (!batch.sessionsOf.isEmpty()) {
            jdbc.update(ATTENDANCE_TOTALS, textArray(List.copyOf(batch.sessionsOf)));
            batch.sessionsOf.clear();
        }
    }

    /** The caseloads the batch's acceptances, merges and receipts count in, as the rows stand now. */
    private Collection<Caseload> caseloads(Touched batch) {
        if (batch.caseloadReferrals.isEmpty() && batch.caseloadPeople.isEmpty()) {
            return List.of();
        }
        return affected(textArray(List.copyOf(batch.caseloadReferrals)), textArray(List.copyOf(batch.caseloadPeople)))
                .values();
    }

    /** The referrals whose counts the batch may change, with the caseloads they count in, as the rows stand now. */
    private Map<String, Caseload> affected(Array referrals, Array people) {
        Map<String, Caseload> affected = new LinkedHashMap<>();
        jdbc.query(AFFECTED, row -> {
            affected.put(row.getString(1), new Caseload(row.getString(2), (Integer) row.getObject(3)));
        }, referrals, referrals, people);
        return affected;
    }

    /** A link worker's caseload in a financial year; either is null for a referral not accepted. */
    private record Caseload(String linkWorker, Integer year) {
    }

    private void deleteEmpty(List<EmptyRow> emptied) {
        List<EmptyRow> rollups = emptied.stream().filter(row -> row.kind().equals("rollup")).toList();
        if (!rollups.isEmpty()) {
            jdbc.update(DELETE_EMPTY_ROLLUP, column(rollups, EmptyRow::dimension, "text"),
                    column(rollups, EmptyRow::value, "text"), column(rollups, EmptyRow::month, "date"),
                    column(rollups, EmptyRow::borough, "text"));
        }
        List<EmptyRow> monthly = emptied.stream().filter(row -> row.kind().equals("wait")).toList();
        if (!monthly.isEmpty()) {
            jdbc.update(DELETE_EMPTY_WAITS, column(monthly, EmptyRow::dimension, "text"),
                    column(monthly, EmptyRow::value, "text"), column(monthly, EmptyRow::month, "date"),
                    column(monthly, EmptyRow::borough, "text"), column(monthly, EmptyRow::waitName, "text"),
                    column(monthly, EmptyRow::days, "integer"));
        }
        List<EmptyRow> yearly = emptied.stream().filter(row -> row.kind().equals("year")).toList();
        if (!yearly.isEmpty()) {
            jdbc.update(DELETE_EMPTY_YEAR_WAITS, column(yearly, EmptyRow::financialYear, "integer"),
                    column(yearly, EmptyRow::borough, "text"), column(yearly, EmptyRow::waitName, "text"),
                    column(yearly, EmptyRow::days, "integer"));
        }
    }

    /** The key of a rollup ("rollup"), monthly wait ("wait") or yearly wait ("year") row left at zero referrals. */
    private record EmptyRow(String kind, Date month, String borough, String dimension, String value, String waitName,
                            Integer days, Integer financialYear) {
    }

    private static EmptyRow emptyRow(ResultSet row, int i) throws SQLException {
        return new EmptyRow(row.getString(1), row.getDate(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), (Integer) row.getObject(7), (Integer) row.getObject(8));
    }

    private <T> Array column(List<T> rows, Function<T, ?> field, String type) {
        return jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf(type, rows.stream().map(field).toArray()));
    }

    // Registered after BatchedWrites' own flush (every handler adds a write before it touches). It has work to do
    // only when the batch's writes went without refreshAround (written event by event, or outside a batch): then the
    // rollups of every month and borough the touched referrals' people were referred in are counted again from the
    // fact rows, which already hold the batch's changes.
    private void refresh(Touched touched) {
        if (touched.referrals.isEmpty() && touched.people.isEmpty()) {
            return;
        }
        countSessions(touched);
        Array referrals = textArray(List.copyOf(touched.referrals));
        Array people = textArray(List.copyOf(touched.people));
        refreshBuckets(referrals, people);
        refreshCaseloads(new LinkedHashSet<>(affected(referrals, people).values()));
        touched.referrals.clear();
        touched.people.clear();
        touched.caseloadReferrals.clear();
        touched.caseloadPeople.clear();
    }

    /** The rollups and waits of every month and borough the people of these referrals, and these people, were referred in. */
    private void refreshBuckets(Array referrals, Array people) {
        List<Object[]> buckets = jdbc.query("""
                SELECT DISTINCT month, borough_gss_code FROM dash_referral
                WHERE person_id IN (SELECT person_id FROM dash_referral WHERE referral_id = ANY(?)
                                    UNION SELECT unnest(?::text[]))""",
                (rs, i) -> new Object[] {rs.getDate(1), rs.getString(2)}, referrals, people);
        if (buckets.isEmpty()) {
            return;
        }
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

    /** Counts the given caseloads again from the referrals (each link worker's in one financial year only). */
    private void refreshCaseloads(Set<Caseload> caseloads) {
        List<Caseload> counted = caseloads.stream().filter(c -> c.linkWorker() != null && c.year() != null).toList();
        if (counted.isEmpty()) {
            return;
        }
        Array workers = textArray(counted.stream().map(Caseload::linkWorker).toList());
        Array years = jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf("integer", counted.stream().map(Caseload::year).toArray()));
        jdbc.update("""
                DELETE FROM dash_caseload t USING unnest(?::text[], ?::integer[]) AS k(link_worker_id, financial_year)
                WHERE t.link_worker_id = k.link_worker_id AND t.financial_year = k.financial_year""", workers, years);
        jdbc.update(CASELOADS_OF, workers, years);
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
        final Set<String> caseloadReferrals = new LinkedHashSet<>();
        final Set<String> caseloadPeople = new LinkedHashSet<>();
        final Set<String> sessionsOf = new LinkedHashSet<>();
    }
}
