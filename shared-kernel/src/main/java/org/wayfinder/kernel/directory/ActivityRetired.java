package org.wayfinder.kernel.directory;

import java.time.LocalDate;

/**
 * An activity stopped running; no one can be connected to it any more.
 *
 * @param activityId the activity's id
 * @param retiredOn  business date the activity stopped running
 * @param reason     why, in the words of whoever retired it
 */
public record ActivityRetired(String activityId, LocalDate retiredOn, String reason) implements ActivityEvent {
}
