package org.wayfinder.command.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.wayfinder.kernel.directory.ActivityDetailsChanged;
import org.wayfinder.kernel.directory.ActivityRegistered;
import org.wayfinder.kernel.directory.ActivityRetired;
import org.wayfinder.kernel.directory.ChangeActivityDetailsCommand;
import org.wayfinder.kernel.directory.RegisterActivityCommand;
import org.wayfinder.kernel.directory.RetireActivityCommand;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/**
 * Something a provider runs that a person can be connected to (an ORUK service with its one location and
 * regular schedule), from registration to retirement.
 */
public class Activity {

    @AggregateIdentifier
    private String activityId;
    private String providerId;
    private boolean retired;
    // Starts below zero so that it equals the sequence number of the last event, which is what
    // @TargetAggregateVersion is compared with and what the API hands out as the ETag.
    private long version = -1;

    protected Activity() {
        // for Axon's event sourcing
    }

    /** Only through {@link ActivityRegistration}, which has already checked the provider. */
    Activity(RegisterActivityCommand command, Clock clock) {
        DirectoryPolicies.dateIsNotInTheFuture("activity-registration-date-in-future", "An activity's registration",
                command.registeredOn(), clock);
        DirectoryPolicies.boroughIsInLondon(command.location().boroughGssCode());
        DirectoryPolicies.scheduleIsARecurrenceRule(command.schedule());
        DirectoryPolicies.capacityIsAtLeastOne(command.capacityPerSession());
        apply(new ActivityRegistered(
                command.activityId(),
                command.providerId(),
                command.name(),
                command.description(),
                command.taxonomy(),
                command.location(),
                command.schedule(),
                command.capacityPerSession(),
                command.registeredOn()));
    }

    @CommandHandlerInterceptor
    Object actorMayKeepThisEntry(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        DirectoryAccess.actorMayKeep(command.getMetaData(), providerId);
        return chain.proceed();
    }

    @CommandHandler
    long handle(ChangeActivityDetailsCommand command, Clock clock) {
        ActivityPolicies.isNotRetired(this);
        DirectoryPolicies.dateIsNotInTheFuture("activity-change-date-in-future", "A change of an activity's details",
                command.changedOn(), clock);
        DirectoryPolicies.boroughIsInLondon(command.location().boroughGssCode());
        DirectoryPolicies.scheduleIsARecurrenceRule(command.schedule());
        DirectoryPolicies.capacityIsAtLeastOne(command.capacityPerSession());
        apply(new ActivityDetailsChanged(
                activityId,
                command.name(),
                command.description(),
                command.taxonomy(),
                command.location(),
                command.schedule(),
                command.capacityPerSession(),
                command.changedOn()));
        return version;
    }

    @CommandHandler
    long handle(RetireActivityCommand command, Clock clock) {
        ActivityPolicies.isNotAlreadyRetired(this);
        DirectoryPolicies.dateIsNotInTheFuture("activity-retirement-date-in-future", "An activity's retirement",
                command.retiredOn(), clock);
        apply(new ActivityRetired(activityId, command.retiredOn(), command.reason()));
        return version;
    }

    @EventSourcingHandler
    void on(ActivityRegistered event) {
        this.activityId = event.activityId();
        this.providerId = event.providerId();
        this.version++;
    }

    @EventSourcingHandler
    void on(ActivityDetailsChanged event) {
        this.version++;
    }

    @EventSourcingHandler
    void on(ActivityRetired event) {
        this.retired = true;
        this.version++;
    }

    String providerId() {
        return providerId;
    }

    boolean isRetired() {
        return retired;
    }

    long version() {
        return version;
    }

    /** The activity's own rules. */
    static final class ActivityPolicies {

        private ActivityPolicies() {
        }

        static void isNotRetired(Activity activity) {
            if (activity.retired) {
                throw new BusinessRuleViolation("activity-retired",
                        "Activity " + activity.activityId + " is retired; its details can no longer change.");
            }
        }

        static void isNotAlreadyRetired(Activity activity) {
            if (activity.retired) {
                throw new BusinessRuleViolation("activity-already-retired",
                        "Activity " + activity.activityId + " is already retired.");
            }
        }
    }
}
