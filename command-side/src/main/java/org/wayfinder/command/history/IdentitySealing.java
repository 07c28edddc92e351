package org.wayfinder.command.history;

import org.wayfinder.kernel.person.EncryptedIdentity;
import org.wayfinder.kernel.person.PersonIdentity;

/** Encrypts an imported identity under the person's own key, as registration over the API does. */
@FunctionalInterface
public interface IdentitySealing {

    EncryptedIdentity seal(String personId, PersonIdentity identity);
}
