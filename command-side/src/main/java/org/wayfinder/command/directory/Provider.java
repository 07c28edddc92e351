package org.wayfinder.command.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.wayfinder.kernel.directory.ChangeProviderDetailsCommand;
import org.wayfinder.kernel.directory.ProviderDetailsChanged;
import org.wayfinder.kernel.directory.ProviderRegistered;
import org.wayfinder.kernel.directory.ProviderRetired;
import org.wayfinder.kernel.directory.RegisterProviderCommand;
import org.wayfinder.kernel.directory.RetireProviderCommand;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/** A VCSE organisation in the directory (an ORUK organization), from registration to retirement. */
public class Provider {

    @AggregateIdentifier
    private String providerId;
    private boolean retired;
    // Starts below zero so that it equals the sequence number of the last event, which is what
    // @TargetAggregateVersion is compared with and what the API hands out as the ETag.
    private long version = -1;

    protected Provider() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Provider(RegisterProviderCommand command, Clock clock) {
        DirectoryPolicies.dateIsNotInTheFuture("provider-registration-date-in-future", "A provider's registration",
                command.registeredOn(), clock);
        DirectoryPolicies.servesAtLeastOneLondonBorough(command.boroughsServed());
        apply(new ProviderRegistered(
                command.providerId(),
                command.name(),
                command.description(),
                command.charityNumber(),
                command.odsCode(),
                command.website(),
                command.email(),
                command.boroughsServed(),
                command.registeredOn()));
    }

    @CommandHandlerInterceptor
    Object actorMayKeepThisEntry(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        DirectoryAccess.actorMayKeep(command.getMetaData(), providerId);
        return chain.proceed();
    }

    @CommandHandler
    long handle(ChangeProviderDetailsCommand command, Clock clock) {
        ProviderPolicies.isNotRetired(this);
        DirectoryPolicies.dateIsNotInTheFuture("provider-change-date-in-future", "A change of a provider's details",
                command.changedOn(), clock);
        DirectoryPolicies.servesAtLeastOneLondonBorough(command.boroughsServed());
        apply(new ProviderDetailsChanged(
                providerId,
                command.name(),
                command.description(),
                command.charityNumber(),
                command.odsCode(),
                command.website(),
                command.email(),
                command.boroughsServed(),
                command.changedOn()));
        return version;
    }

    @CommandHandler
    long handle(RetireProviderCommand command, Clock clock) {
        ProviderPolicies.isNotAlreadyRetired(this);
        DirectoryPolicies.dateIsNotInTheFuture("provider-retirement-date-in-future", "A provider's retirement",
                command.retiredOn(), clock);
        apply(new ProviderRetired(providerId, command.retiredOn(), command.reason()));
        return version;
    }

    @EventSourcingHandler
    void on(ProviderRegistered event) {
        this.providerId = event.providerId();
        this.version++;
    }

    @EventSourcingHandler
    void on(ProviderDetailsChanged event) {
        this.version++;
    }

    @EventSourcingHandler
    void on(ProviderRetired event) {
        this.retired = true;
        this.version++;
    }

    boolean isRetired() {
        return retired;
    }

    long version() {
        return version;
    }

    /** The provider's own rules. */
    static final class ProviderPolicies {

        private ProviderPolicies() {
        }

        static void isNotRetired(Provider provider) {
            if (provider.retired) {
                throw new BusinessRuleViolation("provider-retired",
                        "Provider " + provider.providerId + " is retired; its details can no longer change.");
            }
        }

        static void isNotAlreadyRetired(Provider provider) {
            if (provider.retired) {
                throw new BusinessRuleViolation("provider-already-retired",
                        "Provider " + provider.providerId + " is already retired.");
            }
        }

        static void acceptsNewActivities(Provider provider) {
            if (provider.retired) {
                throw new BusinessRuleViolation("activity-provider-retired",
                        "Provider " + provider.providerId + " is retired; it cannot take on new activities.");
            }
        }
    }
}
