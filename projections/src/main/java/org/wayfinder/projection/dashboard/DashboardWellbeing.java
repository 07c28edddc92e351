package org.wayfinder.projection.dashboard;

import java.util.List;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.projection.support.BatchedWrites;
import org.wayfinder.projection.support.BulkBuild;

/**
 * The SWEMWBS pairs both dashboard projections keep (each in tables of its own, so each rebuilds alone): a table
 * of a referral's SWEMWBS measures, and on the referral's row its matched pair as the outcomes endpoints match
 * them: its first baseline, and the first follow-up or exit 56 to 112 days after that baseline.
 */
final class DashboardWellbeing {

    private final BatchedWrites writes;
    private final String insertMeasure;
    private final String correctMeasure;
    private final String voidMeasure;
    private final String pair;
    private final String allPairs;

    /** Measures in {@code measureTable}; the pair's columns on {@code referralTable}, keyed by referral_id. */
    DashboardWellbeing(BatchedWrites writes, String measureTable, String referralTable) {
        this.writes = writes;
        this.insertMeasure = """
                INSERT INTO %s (referral_id, measure_id, time_point, measured_on, score_hundredths)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (referral_id, measure_id) DO UPDATE SET time_point = EXCLUDED.time_point,
                    measured_on = EXCLUDED.measured_on, score_hundredths = EXCLUDED.score_hundredths, voided = FALSE"""
                .formatted(measureTable);
        this.correctMeasure = "UPDATE " + measureTable + " SET score_hundredths = ? WHERE referral_id = ? AND measure_id = ?";
        this.voidMeasure = "UPDATE " + measureTable + " SET voided = TRUE WHERE referral_id = ? AND measure_id = ?";
        this.pair = """
                UPDATE %2$s r SET baseline_on = p.measured_on, baseline_score = p.score,
                    follow_up_score = (SELECT f.score_hundredths FROM %1$s f
                                       WHERE f.referral_id = r.referral_id AND f.time_point IN ('FOLLOW_UP', 'EXIT')
                                         AND NOT f.voided AND f.score_hundredths IS NOT NULL
                                         AND f.measured_on - p.measured_on BETWEEN 56 AND 112
                                       ORDER BY f.measured_on, f.measure_id LIMIT 1)
                FROM (SELECT ?::text AS referral_id) k
                LEFT JOIN LATERAL (SELECT b.measured_on, b.score_hundredths AS score FROM %1$s b
                                   WHERE b.referral_id = k.referral_id AND b.time_point = 'BASELINE' AND NOT b.voided
                                     AND b.score_hundredths IS NOT NULL
                                   ORDER BY b.measured_on, b.measure_id LIMIT 1) p ON TRUE
                WHERE r.referral_id = k.referral_id
                """.formatted(measureTable, referralTable);
        // The same pairs for every referral with a baseline at once, for the end of a build phase.
        this.allPairs = """
                WITH b AS (
                    SELECT DISTINCT ON (referral_id) referral_id, measured_on, score_hundredths AS score FROM %1$s
                    WHERE time_point = 'BASELINE' AND NOT voided AND score_hundredths IS NOT NULL
                    ORDER BY referral_id, measured_on, measure_id
                ), f AS (
                    SELECT DISTINCT ON (b.referral_id) b.referral_id, f.score_hundredths AS score
                    FROM b JOIN %1$s f ON f.referral_id = b.referral_id
                    WHERE f.time_point IN ('FOLLOW_UP', 'EXIT') AND NOT f.voided AND f.score_hundredths IS NOT NULL
                      AND f.measured_on - b.measured_on BETWEEN 56 AND 112
                    ORDER BY b.referral_id, f.measured_on, f.measure_id
                )
                UPDATE %2$s r SET baseline_on = b.measured_on, baseline_score = b.score, follow_up_score = f.score
                FROM b LEFT JOIN f ON f.referral_id = b.referral_id
                WHERE r.referral_id = b.referral_id
                """.formatted(measureTable, referralTable);
    }

    /** Records a SWEMWBS measure and the referral's pair again; false (nothing written) for other instruments. */
    boolean measured(WellbeingMeasured event) {
        if (event.instrument() != Instrument.SWEMWBS) {
            return false;
        }
        writes.add(insertMeasure, event.referralId(), event.measureId(), event.timePoint().name(), event.measuredOn(),
                swemwbs(event.itemResponses()));
        pair(event.referralId());
        return true;
    }

    /** A correction does not name the instrument: only SWEMWBS measures have a row to correct. */
    void corrected(String referralId, String measureId, List<Integer> itemResponses) {
        writes.add(correctMeasure, swemwbs(itemResponses), referralId, measureId);
        pair(referralId);
    }

    void voided(String referralId, String measureId) {
        writes.add(voidMeasure, referralId, measureId);
        pair(referralId);
    }

    /** In a build phase the pairs wait for {@link #allPairs}; otherwise the referral's pair is derived again. */
    private void pair(String referralId) {
        if (!BulkBuild.inProgress()) {
            writes.add(pair, referralId);
        }
    }

    /** Derives every referral's pair from the measures as they stand (the referral rows start without one). */
    void allPairs(JdbcTemplate jdbc) {
        jdbc.update(allPairs);
    }

    /** The SWEMWBS metric score in hundredths, or null for responses that are not a complete SWEMWBS. */
    static Integer swemwbs(List<Integer> itemResponses) {
        try {
            return WellbeingScoring.swemwbs(itemResponses).metricHundredths();
        } catch (IllegalArgumentException e) { // InvalidWellbeingResponse included
            return null;
        }
    }
}
