package org.wayfinder.command.person;

import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/** Matches a refusal by the name of the rule it broke. */
final class RefusedCommands {

    private RefusedCommands() {
    }

    static Matcher<Object> brokenRule(String rule) {
        return Matchers.predicate(e -> e instanceof BusinessRuleViolation violation && violation.rule().equals(rule));
    }
}
