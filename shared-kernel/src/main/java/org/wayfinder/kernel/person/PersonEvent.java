package org.wayfinder.kernel.person;

/**
 * Facts recorded in a person's stream. Identity appears only as {@link EncryptedIdentity}; everything
 * else here is non-identifying and survives erasure.
 */
public sealed interface PersonEvent permits PersonRegistered, PersonIdentityChanged, PersonDemographicsRecorded,
        ConsentRecorded, ConsentWithdrawn, PersonMergedInto, PersonErased {

    String personId();
}
