package org.wayfinder.kernel.directory;

/** Facts recorded in the VCSE directory: providers (ORUK organizations) and their activities (ORUK services). */
public sealed interface DirectoryEvent permits ProviderEvent, ActivityEvent {
}
