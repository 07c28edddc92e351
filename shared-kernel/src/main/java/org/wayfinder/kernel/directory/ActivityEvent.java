package org.wayfinder.kernel.directory;

/** Facts recorded in an activity's stream. */
public sealed interface ActivityEvent extends DirectoryEvent
        permits ActivityRegistered, ActivityDetailsChanged, ActivityRetired {

    String activityId();
}
