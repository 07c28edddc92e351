package org.wayfinder.command.directory;

import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.wayfinder.command.referral.ActivityCatalogue;

/**
 * Answers the referral's questions from the Activity aggregate itself rather than a projection, so a
 * referral is never connected to an activity retired a moment ago but not yet projected.
 */
public final class DirectoryActivityCatalogue implements ActivityCatalogue {

    private final Supplier<Repository<Activity>> activities;

    /** The repository is looked up on each call because Axon builds it after Spring creates this bean. */
    public DirectoryActivityCatalogue(Supplier<Repository<Activity>> activities) {
        this.activities = activities;
    }

    @Override
    public Optional<String> activeProviderOf(String activityId) {
        if (activityId == null) {
            return Optional.empty();
        }
        if (CurrentUnitOfWork.isStarted()) {
            return lookUp(activityId);
        }
        // Axon's repositories only load inside a unit of work; a caller outside a command handler gets its own.
        ResultMessage<Optional<String>> result = new DefaultUnitOfWork<>(null).executeWithResult(() -> lookUp(activityId));
        if (result.isExceptional()) {
            throw result.exceptionResult() instanceof RuntimeException failure
                    ? failure : new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }

    private Optional<String> lookUp(String activityId) {
        try {
            return activities.get().load(activityId)
                    .invoke(activity -> activity.isRetired() ? Optional.<String>empty() : Optional.of(activity.providerId()));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }
}
