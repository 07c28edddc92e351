package org.wayfinder.kernel.referral;

/** SNOMED CT codes that GP systems expect for link-worker referrals (PCN DES 2024/25). */
public final class ReferralCodes {

    /** |Referral to social prescribing service (procedure)|: the person accepts the referral. */
    public static final String SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING = "871731000000106";
    /** |Social prescribing declined (situation)|: the person declines. */
    public static final String SNOMED_SOCIAL_PRESCRIBING_DECLINED = "871711000000103";

    private ReferralCodes() {
    }
}
