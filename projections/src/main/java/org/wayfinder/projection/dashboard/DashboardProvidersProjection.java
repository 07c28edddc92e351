package org.wayfinder.projection.dashboard;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.directory.ActivityDetailsChanged;
import org.wayfinder.kernel.directory.ActivityRegistered;
import org.wayfinder.kernel.directory.ProviderDetailsChanged;
import org.wayfinder.kernel.directory.ProviderRegistered;
import org.wayfinder.kernel.referral.AttendanceCorrected;
import org.wayfinder.kernel.referral.AttendanceRecorded;
import org.wayfinder.kernel.referral.AttendanceVoided;
import org.wayfinder.kernel.referral.ConnectedToActivity;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;
import org.wayfinder.projection.support.BatchScoped;
import org.wayfinder.projection.support.BatchedWrites;
import org.wayfinder.projection.support.BulkBuild;

/**
 * The commissioner dashboards' provider views (activity utilisation against capacity, each VCSE provider's
 * connections and attendance): fact rows of connections and sessions, and {@code dash_provider_rollup} and
 * {@code dash_activity_capacity} counted again once per batch for the activities and months the batch touched
 * ({@link #refreshAround}); {@code dash_provider_capacity} then sums the capacity of those months and providers,
 * per provider and over London ({@value #LONDON}). {@code dash_provider_outcome} holds the wellbeing outcomes of
 * the referrals connected to each provider's activities, kept current per batch by taking away and adding again the
 * counts of the referrals the batch touched.
 * During a rebuild's build phase ({@link BulkBuild}) all of these are left alone and computed once from the fact
 * rows at its end.
 */
@Component
@ProcessingGroup(DashboardProvidersProjection.PROCESSING_GROUP)
public class DashboardProvidersProjection implements BulkBuild.Deferring {

    public static final String PROCESSING_GROUP = "dashboard-providers";

    /** The provider id under which {@code dash_provider_capacity} holds London's totals (ids are UUIDs). */
    public static final String LONDON = "*";

    private static final String PROVIDER_CAPACITY = """
            INSERT INTO dash_provider_capacity (month, provider_id, sessions, places, attended)
            SELECT c.month, c.provider_id, sum(c.sessions), sum(c.places), sum(c.attended)
            FROM dash_activity_capacity c JOIN unnest(?::date[], ?::text[]) AS b(month, provider_id)
              ON b.month = c.month AND b.provider_id = c.provider_id
            GROUP BY c.month, c.provider_id
            UNION ALL
            SELECT c.month, '*', sum(c.sessions), sum(c.places), sum(c.attended)
            FROM dash_activity_capacity c WHERE c.month = ANY(?::date[])
            GROUP BY c.month
            """;

    private static final String ROLLUP = """
            INSERT INTO dash_provider_rollup (month, borough_gss_code, provider_id, activity_id, connections,
                                              attended, missed)
            SELECT month, borough, provider_id, activity_id, sum(connections), sum(attended), sum(missed) FROM (
                SELECT date_trunc('month', c.connected_on)::date AS month,
                       COALESCE(r.borough_gss_code, 'UNKNOWN') AS borough, c.provider_id, c.activity_id,
                       1 AS connections, 0 AS attended, 0 AS missed
                FROM dash_provider_connection c LEFT JOIN dash_provider_referral r ON r.referral_id = c.referral_id
                WHERE c.activity_id = ANY(?)
                UNION ALL
                SELECT date_trunc('month', a.session_on)::date, COALESCE(r.borough_gss_code, 'UNKNOWN'),
                       COALESCE(act.provider_id, 'UNKNOWN'), a.activity_id, 0,
                       (a.status = 'ATTENDED')::integer, (a.status = 'DID_NOT_ATTEND')::integer
                FROM dash_provider_attendance a
                LEFT JOIN dash_activity act ON act.activity_id = a.activity_id
                LEFT JOIN dash_provider_referral r ON r.referral_id = a.referral_id
                WHERE NOT a.voided AND a.activity_id = ANY(?)
            ) x GROUP BY month, borough, provider_id, activity_id
            """;

    private static final String CAPACITY = """
            INSERT INTO dash_activity_capacity (month, activity_id, provider_id, sessions, places, attended)
            SELECT date_trunc('month', a.session_on)::date, a.activity_id, COALESCE(act.provider_id, 'UNKNOWN'),
                   count(DISTINCT a.session_on),
                   count(DISTINCT a.session_on) * COALESCE(max(act.capacity_per_session), 0),
                   count(*) FILTER (WHERE a.status = 'ATTENDED')
            FROM dash_provider_attendance a LEFT JOIN dash_activity act ON act.activity_id = a.activity_id
            WHERE NOT a.voided AND a.status <> 'CANCELLED_BY_PROVIDER' AND a.activity_id = ANY(?)
            GROUP BY 1, 2, 3
            """;

    // Each referral connected to the provider once (by its first connection to it), if it had a SWEMWBS baseline.
    private static final String OUTCOMES = """
            INSERT INTO dash_provider_outcome (month, borough_gss_code, provider_id, with_baseline, matched, improved)
            SELECT month, borough, provider_id, count(*), count(follow_up_score),
                   count(*) FILTER (WHERE follow_up_score - baseline_score >= %d)
            FROM (SELECT c.provider_id, date_trunc('month', min(c.connected_on))::date AS month,
                         COALESCE(min(r.borough_gss_code), 'UNKNOWN') AS borough, min(r.baseline_score) AS baseline_score,
                         min(r.follow_up_score) AS follow_up_score
                  FROM dash_provider_connection c JOIN dash_provider_referral r ON r.referral_id = c.referral_id
                  WHERE c.provider_id = ANY(?) AND r.baseline_score IS NOT NULL
                  GROUP BY c.provider_id, c.referral_id) x
            GROUP BY month, borough, provider_id
            """.formatted(WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS);

    // Each given referral's outcome counts for every provider it is connected to (as OUTCOMES counts them), added to
    // the outcome rows or, with %1$s "-1 *", taken away; returns the keys of rows left with no referral.
    private static final String OUTCOME_DELTA = """
            WITH x AS (
                SELECT c.provider_id, date_trunc('month', min(c.connected_on))::date AS month,
                       COALESCE(min(r.borough_gss_code), 'UNKNOWN') AS borough, min(r.baseline_score) AS baseline_score,
                       min(r.follow_up_score) AS follow_up_score
                FROM dash_provider_connection c JOIN dash_provider_referral r ON r.referral_id = c.referral_id
                WHERE c.referral_id = ANY(?::text[]) AND r.baseline_score IS NOT NULL
                GROUP BY c.provider_id, c.referral_id),
            changed AS (
                INSERT INTO dash_provider_outcome AS t (month, borough_gss_code, provider_id, with_baseline, matched,
                                                        improved)
                SELECT month, borough, provider_id, %1$s count(*), %1$s count(follow_up_score),
                       %1$s count(*) FILTER (WHERE follow_up_score - baseline_score >= %2$d)
                FROM x GROUP BY month, borough, provider_id
                ON CONFLICT (month, borough_gss_code, provider_id) DO UPDATE SET
                    with_baseline = t.with_baseline + EXCLUDED.with_baseline, matched = t.matched + EXCLUDED.matched,
                    improved = t.improved + EXCLUDED.improved
                RETURNING t.month, t.borough_gss_code, t.provider_id, t.with_baseline)
            SELECT month, borough_gss_code, provider_id FROM changed WHERE with_baseline = 0
            """;
    private static final String ADD_TO_OUTCOMES =
            OUTCOME_DELTA.formatted("", WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS);
    private static final String TAKE_FROM_OUTCOMES =
            OUTCOME_DELTA.formatted("-1 *", WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS);

    // ROLLUP and CAPACITY for the given months of the given activities only (pairs, each month its first day).
    private static final String ROLLUP_OF = """
            INSERT INTO dash_provider_rollup (month, borough_gss_code, provider_id, activity_id, connections,
                                              attended, missed)
            SELECT month, borough, provider_id, activity_id, sum(connections), sum(attended), sum(missed) FROM (
                SELECT b.month, COALESCE(r.borough_gss_code, 'UNKNOWN') AS borough, c.provider_id, c.activity_id,
                       1 AS connections, 0 AS attended, 0 AS missed
                FROM unnest(?::text[], ?::date[]) AS b(activity_id, month)
                JOIN dash_provider_connection c ON c.activity_id = b.activity_id
                 AND c.connected_on >= b.month AND c.connected_on < b.month + INTERVAL '1 month'
                LEFT JOIN dash_provider_referral r ON r.referral_id = c.referral_id
                UNION ALL
                SELECT b.month, COALESCE(r.borough_gss_code, 'UNKNOWN'), COALESCE(act.provider_id, 'UNKNOWN'),
                       a.activity_id, 0, (a.status = 'ATTENDED')::integer, (a.status = 'DID_NOT_ATTEND')::integer
                FROM unnest(?::text[], ?::date[]) AS b(activity_id, month)
                JOIN dash_provider_attendance a ON a.activity_id = b.activity_id
                 AND a.session_on >= b.month AND a.session_on < b.month + INTERVAL '1 month'
                LEFT JOIN dash_activity act ON act.activity_id = a.activity_id
                LEFT JOIN dash_provider_referral r ON r.referral_id = a.referral_id
                WHERE NOT a.voided
            ) x GROUP BY month, borough, provider_id, activity_id
            """;

    private static final String CAPACITY_OF = """
            INSERT INTO dash_activity_capacity (month, activity_id, provider_id, sessions, places, attended)
            SELECT b.month, a.activity_id, COALESCE(act.provider_id, 'UNKNOWN'), count(DISTINCT a.session_on),
                   count(DISTINCT a.session_on) * COALESCE(max(act.capacity_per_session), 0),
                   count(*) FILTER (WHERE a.status = 'ATTENDED')
            FROM unnest(?::text[], ?::date[]) AS b(activity_id, month)
            JOIN dash_provider_attendance a ON a.activity_id = b.activity_id
             AND a.session_on >= b.month AND a.session_on < b.month + INTERVAL '1 month'
            LEFT JOIN dash_activity act ON act.activity_id = a.activity_id
            WHERE NOT a.voided AND a.status <> 'CANCELLED_BY_PROVIDER'
            GROUP BY 1, 2, 3
            """;

    // The (activity, month) of the given connections and sessions, and of every connection and session of the given
    // referrals, as the rows stand.
    private static final String ACTIVITY_MONTHS = """
            SELECT c.activity_id, date_trunc('month', c.connected_on)::date FROM dash_provider_connection c
            JOIN unnest(?::text[], ?::text[]) AS k(referral_id, activity_id)
              ON c.referral_id = k.referral_id AND c.activity_id = k.activity_id
            UNION
            SELECT a.activity_id, date_trunc('month', a.session_on)::date FROM dash_provider_attendance a
            JOIN unnest(?::text[], ?::text[]) AS k(referral_id, attendance_id)
              ON a.referral_id = k.referral_id AND a.attendance_id = k.attendance_id
            UNION
            SELECT activity_id, date_trunc('month', connected_on)::date FROM dash_provider_connection
            WHERE referral_id = ANY(?::text[])
            UNION
            SELECT activity_id, date_trunc('month', session_on)::date FROM dash_provider_attendance
            WHERE referral_id = ANY(?::text[])
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final DashboardWellbeing wellbeing;
    private final BatchScoped<Touched> touched = new BatchScoped<>(
            DashboardProvidersProjection.class.getName() + "/touched", Touched::new, this::refresh);

    public DashboardProvidersProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP, this::refreshAround);
        this.wellbeing = new DashboardWellbeing(writes, "dash_provider_wellbeing", "dash_provider_referral");
    }

    @EventHandler
    void on(ProviderRegistered event) {
        provider(event.providerId(), event.name());
    }

    @EventHandler
    void on(ProviderDetailsChanged event) {
        provider(event.providerId(), event.name());
    }

    @EventHandler
    void on(ActivityRegistered event) {
        writes.add("""
                INSERT INTO dash_activity (activity_id, provider_id, name, capacity_per_session) VALUES (?, ?, ?, ?)
                ON CONFLICT (activity_id) DO UPDATE SET provider_id = EXCLUDED.provider_id, name = EXCLUDED.name,
                    capacity_per_session = EXCLUDED.capacity_per_session""",
                event.activityId(), event.providerId(), event.name(), event.capacityPerSession());
        touch(event.activityId());
    }

    @EventHandler
    void on(ActivityDetailsChanged event) {
        writes.add("UPDATE dash_activity SET name = ?, capacity_per_session = ? WHERE activity_id = ?",
                event.name(), event.capacityPerSession(), event.activityId());
        touch(event.activityId());
    }

    @EventHandler
    void on(ReferralReceived event) {
        writes.add("""
                INSERT INTO dash_provider_referral (referral_id, borough_gss_code) VALUES (?, ?)
                ON CONFLICT (referral_id) DO UPDATE SET borough_gss_code = EXCLUDED.borough_gss_code""",
                event.referralId(), event.boroughGssCode() == null ? DashboardReferralsProjection.UNKNOWN
                        : event.boroughGssCode());
        // Received again, a referral may name another borough: its connections and sessions count there now.
        if (!BulkBuild.inProgress()) {
            touched.update(touched -> touched.received.add(event.referralId()));
        }
    }

    @EventHandler
    void on(ConnectedToActivity event) {
        writes.add("""
                INSERT INTO dash_provider_connection (referral_id, activity_id, provider_id, connected_on)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (referral_id, activity_id) DO UPDATE SET provider_id = EXCLUDED.provider_id,
                    connected_on = EXCLUDED.connected_on""",
                event.referralId(), event.activityId(), event.providerId(), event.connectedOn());
        if (!BulkBuild.inProgress()) {
            touched.update(touched -> touched.connections.add(new Row(event.referralId(), event.activityId())));
        }
        touchProvider(event.providerId());
        touchReferral(event.referralId());
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        writes.add("""
                INSERT INTO dash_provider_attendance (referral_id, attendance_id, activity_id, session_on, status)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (referral_id, attendance_id) DO UPDATE SET activity_id = EXCLUDED.activity_id,
                    session_on = EXCLUDED.session_on, status = EXCLUDED.status, voided = FALSE""",
                event.referralId(), event.attendanceId(), event.activityId(), event.sessionOn(),
                event.status().name());
        touchSession(event.referralId(), event.attendanceId());
    }

    @EventHandler
    void on(AttendanceCorrected event) {
        writes.add("""
                UPDATE dash_provider_attendance SET session_on = ?, status = ?
                WHERE referral_id = ? AND attendance_id = ?""",
                event.sessionOn(), event.status().name(), event.referralId(), event.attendanceId());
        touchSession(event.referralId(), event.attendanceId());
    }

    @EventHandler
    void on(AttendanceVoided event) {
        writes.add("UPDATE dash_provider_attendance SET voided = TRUE WHERE referral_id = ? AND attendance_id = ?",
                event.referralId(), event.attendanceId());
        touchSession(event.referralId(), event.attendanceId());
    }

    @EventHandler
    void on(WellbeingMeasured event) {
        if (wellbeing.measured(event)) {
            touchReferral(event.referralId());
        }
    }

    @EventHandler
    void on(WellbeingMeasureCorrected event) {
        wellbeing.corrected(event.referralId(), event.measureId(), event.itemResponses());
        touchReferral(event.referralId());
    }

    @EventHandler
    void on(WellbeingMeasureVoided event) {
        wellbeing.voided(event.referralId(), event.measureId());
        touchReferral(event.referralId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE dash_provider, dash_activity, dash_provider_referral, dash_provider_connection, "
                + "dash_provider_attendance, dash_provider_wellbeing, dash_provider_rollup, dash_activity_capacity, "
                + "dash_provider_capacity, dash_provider_outcome");
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public void completeBulkBuild() {
        wellbeing.allPairs(jdbc);
        rebuildRollupsFromFacts();
    }

    /** Rebuilds every rollup from the fact rows as they stand, for every activity with a connection or a session. */
    public void rebuildRollupsFromFacts() {
        jdbc.execute("TRUNCATE dash_provider_rollup, dash_activity_capacity");
        List<String> activities = jdbc.queryForList("""
                SELECT activity_id FROM dash_provider_connection
                UNION SELECT activity_id FROM dash_provider_attendance""", String.class);
        if (!activities.isEmpty()) {
            Array ids = textArray(activities);
            jdbc.update(ROLLUP, ids, ids);
            jdbc.update(CAPACITY, ids);
        }
        rebuildProviderCapacity();
        rebuildProviderOutcomes();
    }

    private void provider(String providerId, String name) {
        writes.add("""
                INSERT INTO dash_provider (provider_id, name) VALUES (?, ?)
                ON CONFLICT (provider_id) DO UPDATE SET name = EXCLUDED.name""", providerId, name);
    }

    // Registered after BatchedWrites' own flush (every handler adds a write before it touches).
    private void touch(String activityId) {
        if (!BulkBuild.inProgress()) {
            touched.update(touched -> touched.activities.add(activityId));
        }
    }

    private void touchSession(String referralId, String attendanceId) {
        if (!BulkBuild.inProgress()) {
            touched.update(touched -> touched.attendances.add(new Row(referralId, attendanceId)));
        }
    }

    private void touchProvider(String providerId) {
        if (!BulkBuild.inProgress()) {
            touched.update(touched -> touched.providers.add(providerId));
        }
    }

    private void touchReferral(String referralId) {
        if (!BulkBuild.inProgress()) {
            touched.update(touched -> touched.referrals.add(referralId));
        }
    }

    /**
     * A batch's writes, with the provider views kept current around them. The outcome counts of every referral the
     * batch touched (connected, measured, received again) are taken away before the writes and added again after
     * them. The rollup and capacity of an activity are counted again for the months the batch's connections and
     * sessions were in before it and are in after it (a referral received again: all of its own), and the providers'
     * capacity for those months. A batch so costs what its own rows do, not what every month of their activities
     * and every referral of their providers does. Activities registered or changed are counted again in full after
     * the batch ({@link #refresh}).
     */
    private void refreshAround(UnitOfWork<?> unitOfWork, Runnable statements) {
        Touched batch = touched.peek(unitOfWork);
        if (batch == null || batch.referrals.isEmpty() && batch.received.isEmpty() && batch.connections.isEmpty()
                && batch.attendances.isEmpty()) {
            statements.run();
            return;
        }
        Set<String> counted = new LinkedHashSet<>(batch.referrals);
        counted.addAll(batch.received);
        Array referrals = textArray(List.copyOf(counted));
        List<Object[]> emptied = new ArrayList<>(jdbc.query(TAKE_FROM_OUTCOMES, DashboardProvidersProjection::outcomeKey,
                referrals));
        Set<Row> months = activityMonths(batch);
        statements.run();
        emptied.addAll(jdbc.query(ADD_TO_OUTCOMES, DashboardProvidersProjection::outcomeKey, referrals));
        if (!emptied.isEmpty()) {
            jdbc.update("""
                    DELETE FROM dash_provider_outcome t USING unnest(?::date[], ?::text[], ?::text[]) AS z(month, borough,
                        provider_id)
                    WHERE t.month = z.month AND t.borough_gss_code = z.borough AND t.provider_id = z.provider_id
                      AND t.with_baseline = 0""",
                    column(emptied, 0, "date"), column(emptied, 1, "text"), column(emptied, 2, "text"));
        }
        months.addAll(activityMonths(batch));
        recount(List.copyOf(months));
        batch.referrals.clear();
        batch.providers.clear();
        batch.received.clear();
        batch.connections.clear();
        batch.attendances.clear();
    }

    /** The (activity, first day of month) pairs of the batch's connections and sessions, as the rows stand now. */
    private Set<Row> activityMonths(Touched batch) {
        List<Row> connections = List.copyOf(batch.connections);
        List<Row> sessions = List.copyOf(batch.attendances);
        Array received = textArray(List.copyOf(batch.received));
        return new LinkedHashSet<>(jdbc.query(ACTIVITY_MONTHS, (rs, i) -> new Row(rs.getString(1), rs.getString(2)),
                textArray(connections.stream().map(Row::first).toList()),
                textArray(connections.stream().map(Row::second).toList()),
                textArray(sessions.stream().map(Row::first).toList()),
                textArray(sessions.stream().map(Row::second).toList()), received, received));
    }

    /** Counts the rollup and capacity of these (activity, month) pairs again, then the providers' capacity. */
    private void recount(List<Row> activityMonths) {
        if (activityMonths.isEmpty()) {
            return;
        }
        Array activities = textArray(activityMonths.stream().map(Row::first).toList());
        Array months = jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("date",
                activityMonths.stream().map(pair -> Date.valueOf(pair.second())).toArray()));
        String capacityOf = """
                SELECT DISTINCT t.month, t.provider_id FROM dash_activity_capacity t
                JOIN unnest(?::text[], ?::date[]) AS b(activity_id, month)
                  ON t.activity_id = b.activity_id AND t.month = b.month""";
        Set<List<Object>> capacityBuckets = new LinkedHashSet<>(jdbc.query(capacityOf,
                (rs, i) -> List.<Object>of(rs.getDate(1), rs.getString(2)), activities, months));
        String inPairs = " USING unnest(?::text[], ?::date[]) AS b(activity_id, month) "
                + "WHERE t.activity_id = b.activity_id AND t.month = b.month";
        jdbc.update("DELETE FROM dash_provider_rollup t" + inPairs, activities, months);
        jdbc.update("DELETE FROM dash_activity_capacity t" + inPairs, activities, months);
        jdbc.update(ROLLUP_OF, activities, months, activities, months);
        jdbc.update(CAPACITY_OF, activities, months);
        capacityBuckets.addAll(jdbc.query(capacityOf, (rs, i) -> List.<Object>of(rs.getDate(1), rs.getString(2)),
                activities, months));
        providerCapacity(capacityBuckets);
    }

    private static Object[] outcomeKey(ResultSet row, int i) throws SQLException {
        return new Object[] {row.getDate(1), row.getString(2), row.getString(3)};
    }

    private Array column(List<Object[]> rows, int index, String type) {
        return jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf(type, rows.stream().map(row -> row[index]).toArray()));
    }

    // Registered after BatchedWrites' own flush (every handler adds a write before it touches), so it counts from
    // rows that hold the batch's changes: every month of the activities registered or changed. When the batch's
    // writes went without refreshAround (written event by event), it also counts every month of the activities its
    // connections and sessions concern again, and every outcome of the providers concerned.
    private void refresh(Touched touched) {
        outcomes(touched);
        Set<String> activities = new LinkedHashSet<>(touched.activities);
        if (!touched.received.isEmpty()) {
            activities.addAll(jdbc.queryForList("""
                    SELECT activity_id FROM dash_provider_connection WHERE referral_id = ANY(?)
                    UNION SELECT activity_id FROM dash_provider_attendance WHERE referral_id = ANY(?)""", String.class,
                    textArray(List.copyOf(touched.received)), textArray(List.copyOf(touched.received))));
            touched.received.clear();
        }
        if (!touched.attendances.isEmpty()) {
            activities.addAll(jdbc.queryForList("""
                    SELECT DISTINCT activity_id FROM dash_provider_attendance
                    WHERE referral_id || '/' || attendance_id = ANY(?)""", String.class,
                    textArray(touched.attendances.stream().map(row -> row.first() + "/" + row.second()).toList())));
        }
        touched.connections.forEach(connection -> activities.add(connection.second()));
        touched.activities.clear();
        touched.attendances.clear();
        touched.connections.clear();
        if (activities.isEmpty()) {
            return;
        }
        Array ids = textArray(List.copyOf(activities));
        String months = "SELECT DISTINCT month, provider_id FROM dash_activity_capacity WHERE activity_id = ANY(?)";
        Set<List<Object>> capacityBuckets = new LinkedHashSet<>(jdbc.query(months,
                (rs, i) -> List.<Object>of(rs.getDate(1), rs.getString(2)), ids));
        jdbc.update("DELETE FROM dash_provider_rollup WHERE activity_id = ANY(?)", ids);
        jdbc.update("DELETE FROM dash_activity_capacity WHERE activity_id = ANY(?)", ids);
        jdbc.update(ROLLUP, ids, ids);
        jdbc.update(CAPACITY, ids);
        capacityBuckets.addAll(jdbc.query(months, (rs, i) -> List.<Object>of(rs.getDate(1), rs.getString(2)), ids));
        providerCapacity(capacityBuckets);
    }

    private void outcomes(Touched touched) {
        Set<String> providers = new LinkedHashSet<>(touched.providers);
        Set<String> referrals = new LinkedHashSet<>(touched.referrals);
        referrals.addAll(touched.received);
        if (!referrals.isEmpty()) {
            providers.addAll(jdbc.queryForList("SELECT DISTINCT provider_id FROM dash_provider_connection "
                    + "WHERE referral_id = ANY(?)", String.class, textArray(List.copyOf(referrals))));
        }
        touched.providers.clear();
        touched.referrals.clear();
        if (!providers.isEmpty()) {
            providerOutcomes(textArray(List.copyOf(providers)));
        }
    }

    private void providerOutcomes(Array providers) {
        jdbc.update("DELETE FROM dash_provider_outcome WHERE provider_id = ANY(?)", providers);
        jdbc.update(OUTCOMES, providers);
    }

    /** Sums {@code dash_provider_outcome} again from the connections and pairs as they stand, all of it. */
    public void rebuildProviderOutcomes() {
        jdbc.execute("TRUNCATE dash_provider_outcome");
        providerOutcomes(textArray(jdbc.queryForList("SELECT DISTINCT provider_id FROM dash_provider_connection",
                String.class)));
    }

    /** Sums {@code dash_provider_capacity} again from {@code dash_activity_capacity} as it stands, all of it. */
    public void rebuildProviderCapacity() {
        jdbc.execute("TRUNCATE dash_provider_capacity");
        providerCapacity(new LinkedHashSet<>(jdbc.query("SELECT DISTINCT month, provider_id FROM dash_activity_capacity",
                (rs, i) -> List.<Object>of(rs.getDate(1), rs.getString(2)))));
    }

    private void providerCapacity(Set<List<Object>> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        Array months = jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf("date", buckets.stream().map(b -> (Date) b.get(0)).toArray()));
        Array providers = textArray(buckets.stream().map(b -> (String) b.get(1)).toList());
        Array distinctMonths = jdbc.execute((ConnectionCallback<Array>) c ->
                c.createArrayOf("date", buckets.stream().map(b -> b.get(0)).distinct().toArray()));
        jdbc.update("DELETE FROM dash_provider_capacity t USING unnest(?::date[], ?::text[]) AS b(month, provider_id) "
                + "WHERE t.month = b.month AND t.provider_id = b.provider_id", months, providers);
        jdbc.update("DELETE FROM dash_provider_capacity WHERE provider_id = '*' AND month = ANY(?::date[])",
                distinctMonths);
        jdbc.update(PROVIDER_CAPACITY, months, providers, distinctMonths);
    }

    private Array textArray(List<String> values) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("text", values.toArray(String[]::new)));
    }

    /** Two ids: a referral and an activity (a connection) or a session; an activity and a month. */
    private record Row(String first, String second) {
    }

    private static final class Touched {
        final Set<String> activities = new LinkedHashSet<>();
        final Set<Row> connections = new LinkedHashSet<>();
        final Set<Row> attendances = new LinkedHashSet<>();
        final Set<String> providers = new LinkedHashSet<>();
        final Set<String> referrals = new LinkedHashSet<>();
        final Set<String> received = new LinkedHashSet<>();
    }
}
