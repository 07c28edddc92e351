package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * This person was found to be a duplicate and merged into another; the duplicate's history stays, and
 * anything about this id should be read as about the survivor.
 *
 * @param personId   the duplicate
 * @param survivorId the person it was merged into
 * @param mergedOn   business date of the merge
 * @param reason     why, in words that contain no personal data
 */
public record PersonMergedInto(String personId, String survivorId, LocalDate mergedOn, String reason)
        implements PersonEvent {
}
