package org.wayfinder.command.referral;
/** What the referral needs to know of the directory when connecting a person to an activity. */
public interface ActivityCatalogue {
    /** The activity's provider id when the activity exists and is not retired; empty otherwise. */
    java.util.Optional<String> activeProviderOf(String activityId);
}
