package org.wayfinder.app.metadata;

import java.util.Optional;

/**
 * The metadata of the request being served on this thread: its correlation id, the actor and the
 * source of the change. Set by {@link ActorAndCorrelationFilter}, read when commands are dispatched.
 */
public record RequestContext(String correlationId, RequestActor actor, String source) {

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    public static Optional<RequestContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(RequestContext context) {
        CURRENT.set(context);
    }

    static void clear() {
        CURRENT.remove();
    }
}
