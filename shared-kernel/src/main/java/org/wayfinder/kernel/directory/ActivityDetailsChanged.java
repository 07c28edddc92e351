package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * An activity's details were replaced; every field holds the new value, absent ones were cleared.
 *
 * @param activityId         the activity's id
 * @param name               the activity's name
 * @param description        what happens at the activity, in plain words
 * @param taxonomy           taxonomy terms as {@code scheme:code}, such as {@code openactive:walking}
 * @param location           where it takes place
 * @param schedule           when it recurs, as an iCalendar RRULE; absent when ad hoc
 * @param capacityPerSession how many people one session takes
 * @param changedOn          business date from which the new details hold
 */
public record ActivityDetailsChanged(
        String activityId,
        String name,
        String description,
        List<String> taxonomy,
        ActivityLocation location,
        String schedule,
        int capacityPerSession,
        LocalDate changedOn) implements ActivityEvent {

    public ActivityDetailsChanged {
        taxonomy = taxonomy == null ? List.of() : List.copyOf(taxonomy);
    }
}
