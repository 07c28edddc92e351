package org.wayfinder.kernel.person;

/** What a person may consent to, each recorded and withdrawn separately. Stored by name: never rename a constant. */
public enum ConsentScope {
    SOCIAL_PRESCRIBING_SUPPORT,
    SHARE_WITH_GP,
    SHARE_WITH_PROVIDERS,
    CONTACT_FOR_FOLLOW_UP,
    EVALUATION
}
