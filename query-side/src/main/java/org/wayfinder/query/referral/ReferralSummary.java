package org.wayfinder.query.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A referral as the referral-summary read model holds it. */
public record ReferralSummary(
        String referralId,
        String personId,
        LocalDate referredOn,
        String source,
        String referrerOrganisation,
        String gpPractice,
        String pcn,
        String boroughGssCode,
        List<String> needs,
        String urgency,
        String status,
        String organisation,
        String linkWorkerId,
        LocalDate acceptedOn,
        LocalDate declinedOn,
        String declinedBy,
        String declineReason,
        LocalDate firstContactOn,
        String firstContactChannel,
        List<String> assessedNeeds,
        LocalDate lastAssessedOn,
        LocalDate closedOn,
        String outcome,
        LocalDate reopenedOn,
        List<Connection> connections,
        Attendance attendance,
        List<Session> sessions,
        List<WellbeingMeasure> wellbeingMeasures,
        long version,
        Instant recordedAt) {

    /** An activity the person is connected to. */
    public record Connection(String activityId, String providerId, LocalDate connectedOn) {
    }

    /** One recorded session; voided ones stay listed, marked as such, and are left out of the counts. */
    public record Session(String attendanceId, String activityId, LocalDate sessionOn, String status,
                          boolean corrected, boolean voided) {
    }

    /**
     * One wellbeing measure as answered, with its score derived from the item responses by the
     * instrument's own scoring (SWEMWBS as a metric score in hundredths).
     */
    public record WellbeingMeasure(String measureId, String instrument, String instrumentVersion, String timePoint,
                                   LocalDate measuredOn, Integer daysSinceBaseline, List<Integer> itemResponses,
                                   String onsLoneliness, org.wayfinder.kernel.wellbeing.Score score,
                                   boolean corrected, boolean voided) {
    }

    /** Sessions by what happened, voided ones left out. */
    public record Attendance(int attended, int didNotAttend, int cancelledByProvider, int cancelledByPerson) {
    }
}
