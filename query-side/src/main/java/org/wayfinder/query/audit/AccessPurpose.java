package org.wayfinder.query.audit;

/** Why someone reads personal data; stated in the {@code X-Access-Purpose} header of every such read. */
public enum AccessPurpose {
    DIRECT_CARE,
    SAFEGUARDING,
    AUDIT,
    DATA_QUALITY,
    SUBJECT_ACCESS_REQUEST,
    /** Pseudonymised data for evaluating the programme: evaluator exports. */
    EVALUATION
}
