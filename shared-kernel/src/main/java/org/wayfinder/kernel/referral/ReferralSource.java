package org.wayfinder.kernel.referral;

/** Who referred the person to the link worker. Stored by name: never rename a constant. */
public enum ReferralSource {
    GP_PRACTICE("GP practice"),
    ACCIDENT_AND_EMERGENCY("A&E"),
    SELF_REFERRAL("Self-referral"),
    VCSE("Voluntary, community or social enterprise organisation"),
    HOUSING("Housing"),
    SOCIAL_CARE("Social care"),
    MENTAL_HEALTH_SERVICES("Mental health services"),
    POLICE("Police"),
    OTHER("Other");

    private final String label;

    ReferralSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
