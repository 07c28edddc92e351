package org.wayfinder.app.metadata;

/** Who is acting in the current request, and on behalf of which organisation. */
public record RequestActor(String actorId, String role, String organisation) {

    public static final RequestActor SYSTEM = new RequestActor("system", "SYSTEM", "WAYFINDER");
}
