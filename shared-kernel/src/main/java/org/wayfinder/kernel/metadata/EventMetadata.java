package org.wayfinder.kernel.metadata;

/**
 * Keys of the metadata every Wayfinder message carries. They are set centrally when a command is
 * dispatched and copied onto every event that the command causes.
 */
public final class EventMetadata {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ORGANISATION = "organisation";
    public static final String SOURCE = "source";

    /** The metadata carried from a command onto the events it causes. */
    public static final java.util.List<String> PROPAGATED =
            java.util.List.of(CORRELATION_ID, ACTOR_ID, ACTOR_ROLE, ORGANISATION, SOURCE);

    private EventMetadata() {
    }
}
