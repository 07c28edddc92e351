package org.wayfinder.command.person;

import java.time.Clock;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.wayfinder.command.person.Person.PersonStatus;
import org.wayfinder.kernel.person.MergePersonCommand;

/**
 * Handles a merge, which is about two people: it loads both from Axon's repository in one unit of work,
 * so the survivor is locked while the duplicate records where it went. The rules stay in {@link Person}.
 */
public final class PersonMerging {

    private final Supplier<Repository<Person>> people;

    /** A supplier because Axon builds the repository after registering this handler. */
    public PersonMerging(Supplier<Repository<Person>> people) {
        this.people = people;
    }

    @CommandHandler
    long handle(MergePersonCommand command, org.axonframework.messaging.MetaData metadata, Clock clock) {
        Repository<Person> repository = people.get();
        Aggregate<Person> duplicate = repository.load(command.personId(), command.expectedVersion());
        PersonStatus survivor = statusOf(repository, command.survivorId());
        return duplicate.invoke(person -> person.mergeInto(command, metadata, survivor, clock));
    }

    private static PersonStatus statusOf(Repository<Person> repository, String personId) {
        if (personId == null) {
            return PersonStatus.UNKNOWN;
        }
        try {
            return repository.load(personId).invoke(Person::status);
        } catch (AggregateNotFoundException unknown) {
            return PersonStatus.UNKNOWN;
        }
    }
}
