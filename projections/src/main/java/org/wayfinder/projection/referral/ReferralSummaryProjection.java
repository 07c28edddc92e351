package org.wayfinder.projection.referral;

import java.sql.Array;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.projection.support.BatchedWrites;

/** One row per referral in {@code referral_summary}: the referral's current state. */
@Component
@ProcessingGroup(ReferralSummaryProjection.PROCESSING_GROUP)
public class ReferralSummaryProjection {

    public static final String PROCESSING_GROUP = "referral-summary";

    static final String UPSERT_RECEIVED = """
            INSERT INTO referral_summary (referral_id, person_id, referred_on, source, referrer_organisation,
                                          gp_practice, pcn, borough_gss_code, needs, urgency, status, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?)
            ON CONFLICT (referral_id) DO UPDATE SET
                person_id = EXCLUDED.person_id, referred_on = EXCLUDED.referred_on, source = EXCLUDED.source,
                referrer_organisation = EXCLUDED.referrer_organisation, gp_practice = EXCLUDED.gp_practice,
                pcn = EXCLUDED.pcn, borough_gss_code = EXCLUDED.borough_gss_code, needs = EXCLUDED.needs,
                urgency = EXCLUDED.urgency, recorded_at = EXCLUDED.recorded_at
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public ReferralSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ReferralReceived event, @Timestamp Instant recordedAt) {
        writes.add(UPSERT_RECEIVED,
                event.referralId(), event.personId(), event.referredOn(), event.source().name(),
                event.referrerOrganisation(), event.gpPractice(), event.pcn(), event.boroughGssCode(),
                textArray(event.needs().toArray(String[]::new)),
                event.urgency() == null ? null : event.urgency().name(),
                java.sql.Timestamp.from(recordedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE referral_summary");
    }

    private Array textArray(String[] values) {
        return jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf("text", values));
    }
}
