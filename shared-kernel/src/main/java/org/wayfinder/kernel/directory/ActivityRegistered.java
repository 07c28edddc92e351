package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A provider's activity was added to the directory, ready for link workers to connect people to.
 *
 * @param activityId         the activity's id
 * @param providerId         the provider that runs it
 * @param name               the activity's name
 * @param description        what happens at the activity, in plain words
 * @param taxonomy           taxonomy terms as {@code scheme:code}, such as {@code openactive:walking}
 * @param location           where it takes place
 * @param schedule           when it recurs, as an iCalendar RRULE such as {@code FREQ=WEEKLY;BYDAY=TU}; absent when ad hoc
 * @param capacityPerSession how many people one session takes
 * @param registeredOn       business date the activity joined the directory
 */
public record ActivityRegistered(
        String activityId,
        String providerId,
        String name,
        String description,
        List<String> taxonomy,
        ActivityLocation location,
        String schedule,
        int capacityPerSession,
        LocalDate registeredOn) implements ActivityEvent {

    public ActivityRegistered {
        taxonomy = taxonomy == null ? List.of() : List.copyOf(taxonomy);
    }
}
