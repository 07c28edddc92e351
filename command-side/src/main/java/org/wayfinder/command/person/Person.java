package org.wayfinder.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.wayfinder.kernel.access.AccessDenied;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.person.ChangePersonIdentityCommand;
import org.wayfinder.kernel.person.ConsentRecorded;
import org.wayfinder.kernel.person.ConsentScope;
import org.wayfinder.kernel.person.ConsentWithdrawn;
import org.wayfinder.kernel.person.ErasePersonCommand;
import org.wayfinder.kernel.person.MergePersonCommand;
import org.wayfinder.kernel.person.PersonDemographicsRecorded;
import org.wayfinder.kernel.person.PersonErased;
import org.wayfinder.kernel.person.PersonIdentityChanged;
import org.wayfinder.kernel.person.PersonMergedInto;
import org.wayfinder.kernel.person.PersonRegistered;
import org.wayfinder.kernel.person.RecordConsentCommand;
import org.wayfinder.kernel.person.RecordPersonDemographicsCommand;
import org.wayfinder.kernel.person.RegisterPersonCommand;
import org.wayfinder.kernel.person.WithdrawConsentCommand;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/**
 * A person: their encrypted identity, demographics and consents, until they are merged into another
 * person or erased. Handlers on an existing person return its version, the sequence number of its
 * last event, for the {@code ETag}.
 */
public class Person {

    static final String IMD_2019 = "IMD2019";
    static final String IOD_2025 = "IoD2025";

    @AggregateIdentifier
    private String personId;
    private long version = -1;
    private PersonStatus status;
    private String mergedInto;
    private String owningOrganisation;
    private final Set<ConsentScope> consents = EnumSet.noneOf(ConsentScope.class);

    protected Person() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Person(RegisterPersonCommand command, Clock clock) {
        PersonPolicies.dateIsNotInTheFuture(command.registeredOn(), clock);
        PersonPolicies.deprivationIsAKnownDecileAndEdition(command.imdDecile(), command.imdEdition());
        PersonPolicies.boroughIsInLondon(command.boroughGssCode());
        apply(new PersonRegistered(command.personId(), command.registeredOn(), command.identity(),
                command.ageBand(), command.sex(), command.ethnicCategory(), command.imdDecile(),
                command.imdEdition(), command.boroughGssCode()));
    }

    @CommandHandler
    long handle(ChangePersonIdentityCommand command, Clock clock) {
        PersonPolicies.isStillActive(this);
        PersonPolicies.dateIsNotInTheFuture(command.changedOn(), clock);
        apply(new PersonIdentityChanged(personId, command.changedOn(), command.identity(), command.ageBand()));
        return version;
    }

    @CommandHandler
    long handle(RecordPersonDemographicsCommand command, Clock clock) {
        PersonPolicies.isStillActive(this);
        PersonPolicies.dateIsNotInTheFuture(command.recordedOn(), clock);
        PersonPolicies.deprivationIsAKnownDecileAndEdition(command.imdDecile(), command.imdEdition());
        PersonPolicies.boroughIsInLondon(command.boroughGssCode());
        apply(new PersonDemographicsRecorded(personId, command.recordedOn(), command.sex(), command.ethnicCategory(),
                command.imdDecile(), command.imdEdition(), command.boroughGssCode()));
        return version;
    }

    @CommandHandler
    long handle(RecordConsentCommand command, Clock clock) {
        PersonPolicies.isStillActive(this);
        PersonPolicies.dateIsNotInTheFuture(command.recordedOn(), clock);
        apply(new ConsentRecorded(personId, command.scope(), command.recordedOn()));
        return version;
    }

    @CommandHandler
    long handle(WithdrawConsentCommand command, Clock clock) {
        PersonPolicies.isStillActive(this);
        PersonPolicies.dateIsNotInTheFuture(command.withdrawnOn(), clock);
        PersonPolicies.consentWasRecorded(consents, command.scope());
        apply(new ConsentWithdrawn(personId, command.scope(), command.withdrawnOn()));
        return version;
    }

    /**
     * Not a command handler: merging needs the survivor's state too, which {@link PersonMerging} loads
     * and passes in. The rules about both people live here.
     */
    long mergeInto(MergePersonCommand command, MetaData metadata, PersonStatus survivor, Clock clock) {
        PersonPolicies.actorIsInOwningOrganisation(metadata, owningOrganisation);
        PersonPolicies.isStillActive(this);
        PersonPolicies.dateIsNotInTheFuture(command.mergedOn(), clock);
        PersonPolicies.isNotMergedIntoItself(personId, command.survivorId());
        PersonPolicies.survivorIsActive(survivor);
        apply(new PersonMergedInto(personId, command.survivorId(), command.mergedOn(), command.reason()));
        return version;
    }

    /** A duplicate merged into another person can still be erased: otherwise its identity could never be. */
    @CommandHandler
    long handle(ErasePersonCommand command, Clock clock) {
        PersonPolicies.isNotErased(this);
        PersonPolicies.dateIsNotInTheFuture(command.erasedOn(), clock);
        apply(new PersonErased(personId, command.erasedOn(), command.reason()));
        return version;
    }

    /** Link workers change only the people their own organisation registered. */
    @CommandHandlerInterceptor
    Object actorMayChangeThisPerson(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        PersonPolicies.actorIsInOwningOrganisation(command.getMetaData(), owningOrganisation);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(PersonRegistered event, @MetaDataValue(EventMetadata.ORGANISATION) String organisation) {
        personId = event.personId();
        owningOrganisation = organisation;
        status = PersonStatus.ACTIVE;
        version++;
    }

    @EventSourcingHandler
    void on(PersonIdentityChanged event) {
        version++;
    }

    @EventSourcingHandler
    void on(PersonDemographicsRecorded event) {
        version++;
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        consents.add(event.scope());
        version++;
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.scope());
        version++;
    }

    @EventSourcingHandler
    void on(PersonMergedInto event) {
        status = PersonStatus.MERGED;
        mergedInto = event.survivorId();
        version++;
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        status = PersonStatus.ERASED;
        version++;
    }

    PersonStatus status() {
        return status;
    }

    String mergedInto() {
        return mergedInto;
    }

    long version() {
        return version;
    }

    /** Where a person is in their life cycle, as far as other commands care. */
    enum PersonStatus {
        ACTIVE,
        MERGED,
        ERASED,
        UNKNOWN
    }

    /** The person's rules, named so that refusals say which one was broken. Messages carry no personal data. */
    static final class PersonPolicies {

        private PersonPolicies() {
        }

        static void actorIsInOwningOrganisation(MetaData metadata, String owningOrganisation) {
            if (Role.LINK_WORKER.name().equals(metadata.get(EventMetadata.ACTOR_ROLE)) && owningOrganisation != null
                    && !owningOrganisation.equals(metadata.get(EventMetadata.ORGANISATION))) {
                throw new AccessDenied("This person is recorded by another organisation.");
            }
        }

        static void isStillActive(Person person) {
            isNotErased(person);
            if (person.status == PersonStatus.MERGED) {
                throw new BusinessRuleViolation("person-merged",
                        "This person was merged into " + person.mergedInto + "; record changes there.");
            }
        }

        static void isNotErased(Person person) {
            if (person.status == PersonStatus.ERASED) {
                throw new BusinessRuleViolation("person-erased", "This person was erased; nothing more can be recorded.");
            }
        }

        static void dateIsNotInTheFuture(LocalDate date, Clock clock) {
            if (date == null) {
                throw new BusinessRuleViolation("person-date-missing", "The business date of the change is required.");
            }
            if (date.isAfter(LocalDate.now(clock))) {
                throw new BusinessRuleViolation("person-date-in-future",
                        "A fact about a person cannot be dated in the future (" + date + ").");
            }
        }

        static void deprivationIsAKnownDecileAndEdition(Integer decile, String edition) {
            if ((decile == null) != (edition == null)) {
                throw new BusinessRuleViolation("imd-decile-and-edition-together",
                        "An IMD decile needs its edition and an edition needs its decile: give both or neither.");
            }
            if (decile != null && (decile < 1 || decile > 10)) {
                throw new BusinessRuleViolation("imd-decile-out-of-range", "An IMD decile is from 1 to 10.");
            }
            if (edition != null && !IMD_2019.equals(edition) && !IOD_2025.equals(edition)) {
                throw new BusinessRuleViolation("imd-edition-unknown",
                        "The IMD edition must be " + IMD_2019 + " or " + IOD_2025 + ".");
            }
        }

        static void boroughIsInLondon(String gssCode) {
            if (gssCode != null && LondonBorough.byGssCode(gssCode).isEmpty()) {
                throw new BusinessRuleViolation("borough-not-in-london",
                        "'" + gssCode + "' is not the GSS code of a London borough (E09000001 to E09000033).");
            }
        }

        static void consentWasRecorded(Set<ConsentScope> consents, ConsentScope scope) {
            if (!consents.contains(scope)) {
                throw new BusinessRuleViolation("consent-not-recorded",
                        "Consent for " + scope + " cannot be withdrawn: it is not currently recorded.");
            }
        }

        static void isNotMergedIntoItself(String personId, String survivorId) {
            if (personId.equals(survivorId)) {
                throw new BusinessRuleViolation("merge-into-itself", "A person cannot be merged into itself.");
            }
        }

        static void survivorIsActive(PersonStatus survivor) {
            switch (survivor) {
                case UNKNOWN -> throw new BusinessRuleViolation("merge-survivor-unknown",
                        "The person to merge into is not known.");
                case MERGED -> throw new BusinessRuleViolation("merge-survivor-merged",
                        "The person to merge into was itself merged into another; merge into that one.");
                case ERASED -> throw new BusinessRuleViolation("merge-survivor-erased",
                        "The person to merge into was erased.");
                case ACTIVE -> {
                }
            }
        }
    }
}
