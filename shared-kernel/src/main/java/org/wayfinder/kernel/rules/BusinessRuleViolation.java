package org.wayfinder.kernel.rules;

/**
 * A command that is well formed but breaks a business rule. Nothing is recorded; the API answers
 * with a problem naming the rule.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String rule;

    public BusinessRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable, machine-readable name of the broken rule, such as {@code date-in-future}. */
    public String rule() {
        return rule;
    }
}
