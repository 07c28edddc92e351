package org.wayfinder.command.directory;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.wayfinder.kernel.directory.RegisterActivityCommand;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/**
 * Registers an activity once its provider is known to exist and to be active. The rule spans two aggregates,
 * so it lives outside both. Loading the provider locks it only within this JVM: a retirement committed at the
 * same moment on another replica is not prevented.
 */
public class ActivityRegistration {

    private final Repository<Provider> providers;
    private final Repository<Activity> activities;

    public ActivityRegistration(Repository<Provider> providers, Repository<Activity> activities) {
        this.providers = providers;
        this.activities = activities;
    }

    @CommandHandler
    long handle(RegisterActivityCommand command, org.axonframework.messaging.MetaData metadata, Clock clock)
            throws Exception {
        DirectoryAccess.actorMayKeep(metadata, command.providerId());
        Aggregate<Provider> provider = providerOf(command);
        provider.execute(Provider.ProviderPolicies::acceptsNewActivities);
        return activities.newInstance(() -> new Activity(command, clock)).invoke(Activity::version);
    }

    private Aggregate<Provider> providerOf(RegisterActivityCommand command) {
        if (command.providerId() == null) {
            throw new BusinessRuleViolation("activity-provider-unknown", "An activity needs a provider.");
        }
        try {
            return providers.load(command.providerId());
        } catch (AggregateNotFoundException unknown) {
            throw new BusinessRuleViolation("activity-provider-unknown",
                    "No provider with id " + command.providerId() + " is known.");
        }
    }
}
