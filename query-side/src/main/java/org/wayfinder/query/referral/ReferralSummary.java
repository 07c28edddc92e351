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
        long version,
        Instant recordedAt) {

    /** An activity the person is connected to. */
    public record Connection(String activityId, String providerId, LocalDate connectedOn) {
    }

    /** Sessions by what happened, voided ones left out. */
    public record Attendance(int attended, int didNotAttend, int cancelledByProvider, int cancelledByPerson) {
    }
}
