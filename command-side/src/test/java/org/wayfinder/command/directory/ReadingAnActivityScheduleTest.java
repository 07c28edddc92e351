package org.wayfinder.command.directory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class ReadingAnActivityScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "FREQ=WEEKLY;BYDAY=TU",
            "FREQ=DAILY",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
            "FREQ=MONTHLY;BYDAY=1TH",
            "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=10;BYMINUTE=30",
            "FREQ=MONTHLY;BYMONTHDAY=15",
            "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=21",
            "FREQ=WEEKLY;BYDAY=SA;COUNT=10",
            "FREQ=WEEKLY;BYDAY=SA;UNTIL=20270331T235959Z",
            "FREQ=WEEKLY;WKST=MO;BYDAY=SU"})
    void a_plausible_recurrence_rule_is_accepted(String schedule) {
        assertThatCode(() -> DirectoryPolicies.scheduleIsARecurrenceRule(schedule)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "every Tuesday",
            "",
            "BYDAY=TU;FREQ=WEEKLY",
            "FREQ=HOURLY",
            "FREQ=FORTNIGHTLY",
            "FREQ=WEEKLY;BYDAY=TUESDAY",
            "FREQ=WEEKLY;BYDAY=TU;BYDAY=TH",
            "FREQ=WEEKLY;INTERVAL=0",
            "FREQ=WEEKLY;COUNT=5;UNTIL=20270101",
            "FREQ=WEEKLY;",
            "FREQ=WEEKLY;FREQ=DAILY",
            "FREQ=WEEKLY;COLOUR=RED",
            "RRULE:FREQ=WEEKLY"})
    void anything_else_is_refused(String schedule) {
        assertThatThrownBy(() -> DirectoryPolicies.scheduleIsARecurrenceRule(schedule))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(violation -> ((BusinessRuleViolation) violation).rule())
                .isEqualTo("schedule-not-a-recurrence-rule");
    }
}
