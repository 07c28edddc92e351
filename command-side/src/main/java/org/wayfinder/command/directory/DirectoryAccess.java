package org.wayfinder.command.directory;

import org.axonframework.messaging.MetaData;
import org.wayfinder.kernel.access.AccessDenied;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.kernel.metadata.EventMetadata;

/** A provider keeps its own directory entries only; administrators keep everyone's. */
final class DirectoryAccess {

    private DirectoryAccess() {
    }

    static void actorMayKeep(MetaData metadata, String providerId) {
        if (Role.PROVIDER.name().equals(metadata.get(EventMetadata.ACTOR_ROLE))
                && !java.util.Objects.equals(providerId, metadata.get(EventMetadata.ORGANISATION))) {
            throw new AccessDenied("A provider may only change its own directory entries.");
        }
    }
}
