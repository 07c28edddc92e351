package org.wayfinder.kernel.directory;

/** Facts recorded in a provider's stream. */
public sealed interface ProviderEvent extends DirectoryEvent
        permits ProviderRegistered, ProviderDetailsChanged, ProviderRetired {

    String providerId();
}
