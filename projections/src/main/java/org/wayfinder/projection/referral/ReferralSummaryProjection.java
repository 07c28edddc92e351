package org.wayfinder.projection.referral;

import java.sql.Array;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.referral.AttendanceCorrected;
import org.wayfinder.kernel.referral.AttendanceRecorded;
import org.wayfinder.kernel.referral.AttendanceVoided;
import org.wayfinder.kernel.referral.ConnectedToActivity;
import org.wayfinder.kernel.referral.FirstContactMade;
import org.wayfinder.kernel.referral.NeedsAssessed;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralClosed;
import org.wayfinder.kernel.referral.ReferralDeclined;
import org.wayfinder.kernel.referral.ReferralEvent;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralReopened;
import org.wayfinder.projection.support.BatchScoped;
import org.wayfinder.projection.support.BatchedWrites;

/**
 * Each referral's current state: {@code referral_summary} (one row per referral), with the activities
 * it is connected to in {@code referral_connection}, each session in {@code referral_attendance} and each
 * wellbeing measure, as answered, in {@code referral_wellbeing_measure}.
 * Every row carries the stream's version, so the API can hand out the same ETag the command side checks.
 */
@Component
@ProcessingGroup(ReferralSummaryProjection.PROCESSING_GROUP)
public class ReferralSummaryProjection {

    public static final String PROCESSING_GROUP = "referral-summary";

    private static final String UPSERT_RECEIVED = """
            INSERT INTO referral_summary (referral_id, person_id, referred_on, source, referrer_organisation,
                                          gp_practice, pcn, borough_gss_code, needs, urgency, status, recorded_at,
                                          version, organisation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?)
            ON CONFLICT (referral_id) DO UPDATE SET
                person_id = EXCLUDED.person_id, referred_on = EXCLUDED.referred_on, source = EXCLUDED.source,
                referrer_organisation = EXCLUDED.referrer_organisation, gp_practice = EXCLUDED.gp_practice,
                pcn = EXCLUDED.pcn, borough_gss_code = EXCLUDED.borough_gss_code, needs = EXCLUDED.needs,
                urgency = EXCLUDED.urgency, recorded_at = EXCLUDED.recorded_at,
                version = GREATEST(referral_summary.version, EXCLUDED.version),
                organisation = EXCLUDED.organisation
            """;
    /** Every referral's version the batch reached, in one statement after the batch's other writes. */
    private static final String VERSIONS = """
            UPDATE referral_summary r SET version = GREATEST(r.version, v.version)
            FROM unnest(?::text[], ?::bigint[]) AS v(referral_id, version) WHERE r.referral_id = v.referral_id""";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    // Registered after BatchedWrites' own flush (every handler adds a write before it records a version).
    private final BatchScoped<Map<String, Long>> versions = new BatchScoped<>(
            ReferralSummaryProjection.class.getName() + "/versions", HashMap::new, this::writeVersions);

    public ReferralSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ReferralReceived event, @org.axonframework.eventhandling.Timestamp java.time.Instant recordedAt,
            @SequenceNumber long version, @MetaDataValue(EventMetadata.ORGANISATION) String organisation) {
        writes.add(UPSERT_RECEIVED,
                event.referralId(), event.personId(), event.referredOn(), event.source().name(),
                event.referrerOrganisation(), event.gpPractice(), event.pcn(), event.boroughGssCode(),
                textArray(event.needs()), event.urgency() == null ? null : event.urgency().name(),
                Timestamp.from(recordedAt), version, organisation);
    }

    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long version) {
        writes.add("UPDATE referral_summary SET status = 'ACCEPTED', link_worker_id = ?, accepted_on = ? WHERE referral_id = ?",
                event.linkWorkerId(), event.acceptedOn(), event.referralId());
        version(event, version);
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long version) {
        writes.add("""
                UPDATE referral_summary SET status = 'DECLINED', declined_on = ?, declined_by = ?, decline_reason = ?
                WHERE referral_id = ?""", event.declinedOn(), event.declinedBy().name(), event.reason().name(),
                event.referralId());
        version(event, version);
    }

    @EventHandler
    void on(FirstContactMade event, @SequenceNumber long version) {
        writes.add("UPDATE referral_summary SET first_contact_on = ?, first_contact_channel = ? WHERE referral_id = ?",
                event.contactedOn(), event.channel().name(), event.referralId());
        version(event, version);
    }

    @EventHandler
    void on(NeedsAssessed event, @SequenceNumber long version) {
        writes.add("UPDATE referral_summary SET assessed_needs = ?, last_assessed_on = ? WHERE referral_id = ?",
                textArray(event.needs()), event.assessedOn(), event.referralId());
        version(event, version);
    }

    @EventHandler
    void on(ConnectedToActivity event, @SequenceNumber long version) {
        writes.add("""
                INSERT INTO referral_connection (referral_id, activity_id, provider_id, connected_on) VALUES (?, ?, ?, ?)
                ON CONFLICT (referral_id, activity_id) DO UPDATE SET provider_id = EXCLUDED.provider_id,
                    connected_on = EXCLUDED.connected_on""",
                event.referralId(), event.activityId(), event.providerId(), event.connectedOn());
        version(event, version);
    }

    @EventHandler
    void on(AttendanceRecorded event, @SequenceNumber long version) {
        writes.add("""
                INSERT INTO referral_attendance (referral_id, attendance_id, activity_id, session_on, status)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (referral_id, attendance_id) DO UPDATE SET activity_id = EXCLUDED.activity_id,
                    session_on = EXCLUDED.session_on, status = EXCLUDED.status, voided = FALSE, corrected = FALSE""",
                event.referralId(), event.attendanceId(), event.activityId(), event.sessionOn(), event.status().name());
        version(event, version);
    }

    @EventHandler
    void on(AttendanceCorrected event, @SequenceNumber long version) {
        writes.add("""
                UPDATE referral_attendance SET session_on = ?, status = ?, corrected = TRUE
                WHERE referral_id = ? AND attendance_id = ?""",
                event.sessionOn(), event.status().name(), event.referralId(), event.attendanceId());
        version(event, version);
    }

    @EventHandler
    void on(AttendanceVoided event, @SequenceNumber long version) {
        writes.add("UPDATE referral_attendance SET voided = TRUE WHERE referral_id = ? AND attendance_id = ?",
                event.referralId(), event.attendanceId());
        version(event, version);
    }

    @EventHandler
    void on(ReferralClosed event, @SequenceNumber long version) {
        writes.add("UPDATE referral_summary SET status = 'CLOSED', closed_on = ?, outcome = ? WHERE referral_id = ?",
                event.closedOn(), event.outcome().name(), event.referralId());
        version(event, version);
    }

    @EventHandler
    void on(ReferralReopened event, @SequenceNumber long version) {
        writes.add("""
                UPDATE referral_summary SET reopened_on = ?, closed_on = NULL, outcome = NULL,
                    declined_on = NULL, declined_by = NULL, decline_reason = NULL,
                    status = CASE WHEN accepted_on IS NULL THEN 'RECEIVED' ELSE 'ACCEPTED' END
                WHERE referral_id = ?""", event.reopenedOn(), event.referralId());
        version(event, version);
    }

    @EventHandler
    void on(WellbeingMeasured event, @SequenceNumber long version) {
        writes.add("""
                INSERT INTO referral_wellbeing_measure (referral_id, measure_id, instrument, instrument_version,
                    time_point, measured_on, days_since_baseline, item_responses, ons_loneliness)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (referral_id, measure_id) DO UPDATE SET instrument = EXCLUDED.instrument,
                    instrument_version = EXCLUDED.instrument_version, time_point = EXCLUDED.time_point,
                    measured_on = EXCLUDED.measured_on, days_since_baseline = EXCLUDED.days_since_baseline,
                    item_responses = EXCLUDED.item_responses, ons_loneliness = EXCLUDED.ons_loneliness,
                    corrected = FALSE, voided = FALSE""",
                event.referralId(), event.measureId(), event.instrument().name(), event.instrumentVersion(),
                event.timePoint().name(), event.measuredOn(), event.daysSinceBaseline(),
                integerArray(event.itemResponses()),
                event.onsLoneliness() == null ? null : event.onsLoneliness().name());
        version(event, version);
    }

    @EventHandler
    void on(WellbeingMeasureCorrected event, @SequenceNumber long version) {
        writes.add("""
                UPDATE referral_wellbeing_measure SET item_responses = ?, ons_loneliness = ?, corrected = TRUE
                WHERE referral_id = ? AND measure_id = ?""",
                integerArray(event.itemResponses()),
                event.onsLoneliness() == null ? null : event.onsLoneliness().name(),
                event.referralId(), event.measureId());
        version(event, version);
    }

    @EventHandler
    void on(WellbeingMeasureVoided event, @SequenceNumber long version) {
        writes.add("UPDATE referral_wellbeing_measure SET voided = TRUE WHERE referral_id = ? AND measure_id = ?",
                event.referralId(), event.measureId());
        version(event, version);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE referral_summary, referral_connection, referral_attendance, referral_wellbeing_measure");
    }

    private void version(ReferralEvent event, long version) {
        versions.update(reached -> reached.merge(event.referralId(), version, Math::max));
    }

    private void writeVersions(Map<String, Long> reached) {
        if (reached.isEmpty()) {
            return;
        }
        Array ids = textArray(List.copyOf(reached.keySet()));
        Array values = jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf("bigint",
                reached.keySet().stream().map(reached::get).toArray(Long[]::new)));
        jdbc.update(VERSIONS, ids, values);
        reached.clear();
    }

    private Array integerArray(List<Integer> values) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("integer", values.toArray(Integer[]::new)));
    }

    private Array textArray(List<String> values) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("text", values.toArray(String[]::new)));
    }
}
