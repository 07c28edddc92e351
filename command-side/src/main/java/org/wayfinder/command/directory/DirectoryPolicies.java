package org.wayfinder.command.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/** The rules providers and activities share, named so that refusals say which one was broken. */
final class DirectoryPolicies {

    // Sub-daily frequencies (SECONDLY, MINUTELY, HOURLY) are valid iCalendar but not a social prescribing activity.
    private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    private static final Pattern WEEKDAYS = Pattern.compile("[+-]?([1-9]|[1-4][0-9]|5[0-3])?(MO|TU|WE|TH|FR|SA|SU)"
            + "(,[+-]?([1-9]|[1-4][0-9]|5[0-3])?(MO|TU|WE|TH|FR|SA|SU))*");
    private static final Pattern POSITIVE = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern SIGNED_LIST = Pattern.compile("[+-]?[0-9]{1,3}(,[+-]?[0-9]{1,3})*");
    private static final Pattern UNTIL = Pattern.compile("[0-9]{8}(T[0-9]{6}Z?)?");
    private static final Pattern WEEK_START = Pattern.compile("MO|TU|WE|TH|FR|SA|SU");
    private static final Map<String, Pattern> RRULE_PARTS = Map.ofEntries(
            Map.entry("INTERVAL", POSITIVE),
            Map.entry("COUNT", POSITIVE),
            Map.entry("UNTIL", UNTIL),
            Map.entry("BYDAY", WEEKDAYS),
            Map.entry("BYMONTHDAY", SIGNED_LIST),
            Map.entry("BYYEARDAY", SIGNED_LIST),
            Map.entry("BYWEEKNO", SIGNED_LIST),
            Map.entry("BYMONTH", SIGNED_LIST),
            Map.entry("BYSETPOS", SIGNED_LIST),
            Map.entry("BYHOUR", SIGNED_LIST),
            Map.entry("BYMINUTE", SIGNED_LIST),
            Map.entry("WKST", WEEK_START));

    private DirectoryPolicies() {
    }

    static void dateIsNotInTheFuture(String rule, String what, LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation(rule, what + " cannot be dated in the future (" + date + ").");
        }
    }

    static void boroughIsInLondon(String gssCode) {
        if (LondonBorough.byGssCode(gssCode).isEmpty()) {
            throw new BusinessRuleViolation("borough-not-in-london",
                    "'" + gssCode + "' is not the GSS code of a London borough (E09000001 to E09000033).");
        }
    }

    static void servesAtLeastOneLondonBorough(List<String> boroughsServed) {
        if (boroughsServed.isEmpty()) {
            throw new BusinessRuleViolation("provider-serves-no-borough",
                    "A provider must serve at least one London borough.");
        }
        boroughsServed.forEach(DirectoryPolicies::boroughIsInLondon);
    }

    static void capacityIsAtLeastOne(int capacityPerSession) {
        if (capacityPerSession < 1) {
            throw new BusinessRuleViolation("capacity-below-one",
                    "An activity must take at least one person per session (was " + capacityPerSession + ").");
        }
    }

    /**
     * Checks the shape of an iCalendar RRULE (RFC 5545 section 3.3.10) without expanding it: a frequency first,
     * known parts once each, values of the right form, and never both COUNT and UNTIL.
     */
    static void scheduleIsARecurrenceRule(String schedule) {
        if (schedule == null) {
            return;
        }
        if (!isPlausibleRecurrenceRule(schedule)) {
            throw new BusinessRuleViolation("schedule-not-a-recurrence-rule",
                    "'" + schedule + "' is not an iCalendar recurrence rule such as FREQ=WEEKLY;BYDAY=TU"
                            + " (frequency DAILY, WEEKLY, MONTHLY or YEARLY).");
        }
    }

    private static boolean isPlausibleRecurrenceRule(String schedule) {
        if (!schedule.startsWith("FREQ=")) {
            return false;
        }
        String[] parts = schedule.split(";", -1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String[] keyAndValue = parts[i].split("=", -1);
            if (keyAndValue.length != 2 || !seen.add(keyAndValue[0])) {
                return false;
            }
            String key = keyAndValue[0];
            String value = keyAndValue[1];
            boolean valid = i == 0
                    ? FREQUENCIES.contains(value)
                    : RRULE_PARTS.containsKey(key) && RRULE_PARTS.get(key).matcher(value).matches();
            if (!valid) {
                return false;
            }
        }
        return !(seen.contains("COUNT") && seen.contains("UNTIL"));
    }
}
