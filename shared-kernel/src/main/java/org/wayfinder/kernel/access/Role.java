package org.wayfinder.kernel.access;

import java.util.Arrays;
import java.util.Optional;

/** What a signed-in user is allowed to do; carried in the token's {@code role} claim and on every event. */
public enum Role {
    /** Records the journey of their own organisation's people and referrals. */
    LINK_WORKER,
    /** A VCSE provider: records attendance at its own activities and keeps its directory entries. */
    PROVIDER,
    /** Reads aggregated dashboards only, never row-level personal data. */
    COMMISSIONER,
    /** Reads outcomes, runs rebuilds and pseudonymised exports. */
    EVALUATOR,
    /** Reads histories, verification and the access log; every read is logged. */
    AUDITOR,
    /** Runs operations. */
    ADMIN;

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.name().equals(value)).findFirst();
    }
}
