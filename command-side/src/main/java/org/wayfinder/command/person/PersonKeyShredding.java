package org.wayfinder.command.person;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.wayfinder.kernel.person.PersonErased;
import org.wayfinder.kernel.person.PersonKeys;

/**
 * Destroys a person's key when their erasure is recorded. It runs in a subscribing processor, inside
 * the unit of work and database transaction that append {@link PersonErased}: the event is appended
 * first, and the event and the destroyed key commit together or not at all. A failure here propagates
 * and refuses the erasure, so it can simply be retried.
 */
@ProcessingGroup(PersonKeyShredding.PROCESSING_GROUP)
public final class PersonKeyShredding {

    public static final String PROCESSING_GROUP = "person-key-shredding";

    private final PersonKeys keys;

    PersonKeyShredding(PersonKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonErased event) {
        keys.destroy(event.personId());
    }
}
