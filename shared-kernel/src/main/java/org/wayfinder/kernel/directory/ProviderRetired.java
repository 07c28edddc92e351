package org.wayfinder.kernel.directory;

import java.time.LocalDate;

/**
 * A provider left the directory; its history stays, nothing about it changes any more.
 *
 * @param providerId the provider's id
 * @param retiredOn  business date the provider stopped taking referrals
 * @param reason     why, in the words of whoever retired it
 */
public record ProviderRetired(String providerId, LocalDate retiredOn, String reason) implements ProviderEvent {
}
