package org.wayfinder.command.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/** A person's referral to a social prescribing link worker, from receipt to closure. */
public class Referral {

    @AggregateIdentifier
    private String referralId;
    private LocalDate referredOn;

    protected Referral() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Referral(ReceiveReferralCommand command, Clock clock) {
        ReferralPolicies.referralDateIsNotInTheFuture(command.referredOn(), clock);
        ReferralPolicies.boroughIsInLondon(command.boroughGssCode());
        apply(new ReferralReceived(
                command.referralId(),
                command.personId(),
                command.referredOn(),
                command.source(),
                command.referrerOrganisation(),
                command.gpPractice(),
                command.pcn(),
                command.boroughGssCode(),
                command.needs(),
                command.urgency()));
    }

    @EventSourcingHandler
    void on(ReferralReceived event) {
        this.referralId = event.referralId();
        this.referredOn = event.referredOn();
    }

    String referralId() {
        return referralId;
    }

    LocalDate referredOn() {
        return referredOn;
    }

    /** The referral's rules, named so that refusals say which one was broken. */
    static final class ReferralPolicies {

        private ReferralPolicies() {
        }

        static void referralDateIsNotInTheFuture(LocalDate referredOn, Clock clock) {
            if (referredOn.isAfter(LocalDate.now(clock))) {
                throw new BusinessRuleViolation("referral-date-in-future",
                        "A referral cannot be received on a date in the future (" + referredOn + ").");
            }
        }

        static void boroughIsInLondon(String gssCode) {
            if (LondonBorough.byGssCode(gssCode).isEmpty()) {
                throw new BusinessRuleViolation("borough-not-in-london",
                        "'" + gssCode + "' is not the GSS code of a London borough (E09000001 to E09000033).");
            }
        }
    }
}
