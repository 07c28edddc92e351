package org.wayfinder.kernel.access;

import java.util.Optional;

/**
 * The signed-in user serving the current request, as the token says: id, role and organisation (an
 * ODS code; for a provider, its provider id). Set once per request by the web layer.
 */
public record Actor(String id, String role, String organisation) {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(Actor actor) {
        CURRENT.set(actor);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public boolean is(Role other) {
        return other.name().equals(role);
    }
}
