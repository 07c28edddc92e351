package org.wayfinder.command.person;

import static org.wayfinder.command.person.PersonFixtures.CLOCK;
import static org.wayfinder.command.person.PersonFixtures.PERSON_ID;
import static org.wayfinder.command.person.PersonFixtures.TODAY;
import static org.wayfinder.command.person.PersonFixtures.aPersonRegistered;
import static org.wayfinder.command.person.PersonFixtures.registerPerson;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.PersonRegistered;
import org.wayfinder.kernel.person.Sex;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class RegisteringAPersonTest {

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_person_is_registered_with_an_encrypted_identity() {
        fixture.givenNoPriorActivity()
                .when(registerPerson())
                .expectSuccessfulHandlerExecution()
                .expectEvents(aPersonRegistered());
    }

    @Test
    void a_person_can_be_registered_today_without_deprivation_or_borough() {
        fixture.givenNoPriorActivity()
                .when(registerPerson(PERSON_ID, TODAY, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonRegistered(PERSON_ID, TODAY, PersonFixtures.IDENTITY, AgeBand.AGE_65_74,
                        Sex.FEMALE, EthnicCategory.BLACK_CARIBBEAN, null, null, null));
    }

    @Test
    void a_person_cannot_be_registered_in_the_future() {
        expectRefusal(registerPerson(PERSON_ID, TODAY.plusDays(1), 2, "IMD2019", "E09000022"), "person-date-in-future");
    }

    @Test
    void an_imd_decile_is_from_1_to_10() {
        expectRefusal(registerPerson(PERSON_ID, TODAY, 0, "IMD2019", "E09000022"), "imd-decile-out-of-range");
        expectRefusal(registerPerson(PERSON_ID, TODAY, 11, "IoD2025", "E09000022"), "imd-decile-out-of-range");
        fixture.givenNoPriorActivity()
                .when(registerPerson(PERSON_ID, TODAY, 10, "IoD2025", "E09000022"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_imd_edition_is_imd2019_or_iod2025() {
        expectRefusal(registerPerson(PERSON_ID, TODAY, 3, "IMD2015", "E09000022"), "imd-edition-unknown");
    }

    @Test
    void an_imd_decile_and_its_edition_come_together_or_not_at_all() {
        expectRefusal(registerPerson(PERSON_ID, TODAY, 3, null, "E09000022"), "imd-decile-and-edition-together");
        expectRefusal(registerPerson(PERSON_ID, TODAY, null, "IMD2019", "E09000022"), "imd-decile-and-edition-together");
    }

    @Test
    void a_person_lives_in_a_london_borough_when_one_is_given() {
        expectRefusal(registerPerson(PERSON_ID, TODAY, 2, "IMD2019", "E09000034"), "borough-not-in-london");
    }

    private void expectRefusal(Object command, String rule) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof BusinessRuleViolation v && v.rule().equals(rule)));
    }
}
