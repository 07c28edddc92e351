package org.wayfinder.command.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.referral.Need;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/** The referral's lifecycle rules, named so that every refusal says which rule was broken. */
final class ReferralPolicies {

    private ReferralPolicies() {
    }

    static BusinessRuleViolation violation(String rule, String message) {
        return new BusinessRuleViolation(rule, message);
    }

    static void dateIsNotInTheFuture(String field, LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw violation("date-in-future", "'" + field + "' cannot be in the future (" + date + ").");
        }
    }

    static void dateIsNotBeforeReferral(String field, LocalDate date, LocalDate referredOn) {
        if (date.isBefore(referredOn)) {
            throw violation("date-before-referral",
                    "'" + field + "' (" + date + ") cannot be before the referral was received (" + referredOn + ").");
        }
    }

    static void boroughIsInLondon(String gssCode) {
        if (LondonBorough.byGssCode(gssCode).isEmpty()) {
            throw violation("borough-not-in-london",
                    "'" + gssCode + "' is not the GSS code of a London borough (E09000001 to E09000033).");
        }
    }

    static void needsAreKnown(List<String> needs) {
        List<String> unknown = needs.stream().filter(code -> Need.byCode(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw violation("unknown-need", "Unknown need code(s) " + unknown + "; known codes are "
                    + Arrays.stream(Need.values()).map(Need::code).collect(Collectors.joining(", ")) + ".");
        }
    }

    static void requireStage(Referral.Stage stage, String action, Referral.Stage... allowed) {
        if (!Arrays.asList(allowed).contains(stage)) {
            String rule = switch (stage) {
                case CLOSED -> "referral-closed";
                case DECLINED -> "referral-declined";
                case RECEIVED -> "referral-not-accepted";
                case ACCEPTED -> "referral-already-accepted";
            };
            throw violation(rule, "Cannot " + action + " a referral that is " + stage.name().toLowerCase()
                    + (stage == Referral.Stage.CLOSED || stage == Referral.Stage.DECLINED
                    ? "; only corrections or an explicit reopening are possible." : "."));
        }
    }

    static void firstContactHappensOnce(boolean contacted) {
        if (contacted) {
            throw violation("first-contact-already-made", "First contact has already been recorded for this referral.");
        }
    }

    static void notConnectedTwice(Map<String, Referral.Connection> connections, String activityId) {
        if (connections.containsKey(activityId)) {
            throw violation("already-connected", "The person is already connected to activity " + activityId + ".");
        }
    }

    static void attendanceIsAtAConnectedActivity(Map<String, Referral.Connection> connections, String activityId,
                                                 LocalDate sessionOn) {
        Referral.Connection connection = connections.get(activityId);
        if (connection == null) {
            throw violation("activity-not-connected",
                    "Attendance can only be recorded at an activity the referral is connected to; " + activityId
                            + " is not one.");
        }
        if (sessionOn.isBefore(connection.connectedOn())) {
            throw violation("session-before-connection",
                    "The session (" + sessionOn + ") is before the person was connected to the activity ("
                            + connection.connectedOn() + ").");
        }
    }

    static void idIsNew(String what, boolean exists, String id) {
        if (exists) {
            throw violation(what + "-exists", "A " + what + " with id " + id + " is already recorded on this referral.");
        }
    }

    static <T> T known(String what, Map<String, T> recorded, String id) {
        T value = recorded.get(id);
        if (value == null) {
            throw violation(what + "-unknown", "No " + what + " with id " + id + " is recorded on this referral"
                    + " (or it was voided).");
        }
        return value;
    }

    static void reasonIsGiven(String reason) {
        if (reason == null || reason.isBlank()) {
            throw violation("reason-required", "A reason is required.");
        }
    }
}
