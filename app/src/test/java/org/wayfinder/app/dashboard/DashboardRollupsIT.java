package org.wayfinder.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfinder.kernel.directory.ActivityDetailsChanged;
import org.wayfinder.kernel.directory.ActivityRegistered;
import org.wayfinder.kernel.directory.ProviderRegistered;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.PersonDemographicsRecorded;
import org.wayfinder.kernel.person.PersonMergedInto;
import org.wayfinder.kernel.person.PersonRegistered;
import org.wayfinder.kernel.person.Sex;
import org.wayfinder.kernel.referral.AttendanceCorrected;
import org.wayfinder.kernel.referral.AttendanceRecorded;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.AttendanceVoided;
import org.wayfinder.kernel.referral.ClosureOutcome;
import org.wayfinder.kernel.referral.ConnectedToActivity;
import org.wayfinder.kernel.referral.ContactChannel;
import org.wayfinder.kernel.referral.DeclineReason;
import org.wayfinder.kernel.referral.DeclinedBy;
import org.wayfinder.kernel.referral.FirstContactMade;
import org.wayfinder.kernel.referral.NeedsAssessed;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralClosed;
import org.wayfinder.kernel.referral.ReferralDeclined;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralReopened;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.TimePoint;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;
import org.wayfinder.projection.dashboard.DashboardProvidersProjection;
import org.wayfinder.projection.dashboard.DashboardReferralsProjection;

/**
 * The dashboard rollups as live processing keeps them, batch by batch, against a count from the fact rows: those of
 * dashboard-referrals, and the provider outcomes, utilisation and capacity of dashboard-providers.
 * Seeded random histories: people with several referrals in a financial year and across its end, referrals received
 * late and backdated, accepted, declined, closed and reopened, sessions and SWEMWBS measures recorded, corrected and
 * voided, people merged. The events run through the projection's own handlers in batches of random size, as an
 * event processor runs them, in tables of a schema of the test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DashboardRollupsIT {

    private static final String SCHEMA = "dashboard_rollups_it";
    private static final String[] BOROUGHS = {"E09000007", "E09000012", "E09000001"};
    private static final String[] NEEDS = {"loneliness-isolation", "debt-money", "housing"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DashboardReferralsProjection projection;
    @Autowired
    DashboardProvidersProjection providers;

    private AnnotationEventHandlerAdapter handlers;
    private AnnotationEventHandlerAdapter providerHandlers;

    @BeforeEach
    void ownTables() {
        handlers = new AnnotationEventHandlerAdapter(projection);
        providerHandlers = new AnnotationEventHandlerAdapter(providers);
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + SCHEMA);
        ProjectionCatalogue.ALL.stream()
                .filter(p -> p.name().equals(DashboardReferralsProjection.PROCESSING_GROUP)
                        || p.name().equals(DashboardProvidersProjection.PROCESSING_GROUP))
                .flatMap(p -> p.tables().stream())
                .forEach(table -> jdbc.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table
                        + " INCLUDING ALL)"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void the_rollups_kept_batch_by_batch_equal_a_count_from_the_facts_after_every_batch(long seed,
                                                                                        CapturedOutput output) {
        Random random = new Random(seed);
        List<Object> history = history(random);
        int batches = 0;
        for (int start = 0; start < history.size(); ) {
            int end = Math.min(history.size(), start + 1 + random.nextInt(random.nextBoolean() ? 4 : 40));
            handle(history.subList(start, end));
            start = end;
            batches++;
            String kept = rollups();
            assertThat(countedFromFacts()).as("after batch %d (events up to %d) of seed %d", batches, end, seed)
                    .isEqualTo(kept);
            String providersKept = providerRollups();
            assertThat(providersCountedFromFacts()).as("providers after batch %d of seed %d", batches, seed)
                    .isEqualTo(providersKept);
        }
        assertThat(inSchema("SELECT count(*) FROM dash_referral_rollup WHERE dimension = 'all'", Long.class))
                .isPositive();
        assertThat(inSchema("SELECT sum(people_supported) FROM dash_referral_rollup WHERE dimension = 'all'",
                Long.class)).isPositive();
        assertThat(inSchema("SELECT sum(with_baseline) FROM dash_referral_rollup WHERE dimension = 'all'", Long.class))
                .isPositive();
        assertThat(inSchema("SELECT count(*) FROM dash_referral_wait_year", Long.class)).isPositive();
        assertThat(inSchema("SELECT sum(with_baseline) FROM dash_provider_outcome", Long.class)).isPositive();
        assertThat(inSchema("SELECT sum(attended) FROM dash_provider_rollup", Long.class)).isPositive();
        // Every batch was kept current by its own counts, none by counting whole months and boroughs again.
        assertThat(output.getAll()).doesNotContain("were not foreseen");
    }

    @Test
    void a_batch_adjusts_the_counts_of_the_referrals_it_changes_and_recounts_nothing_else() {
        LocalDate day = LocalDate.of(2024, 5, 6);
        List<Object> referrals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            referrals.add(received("r" + i, "p" + i, day, BOROUGHS[0], List.of(NEEDS[0])));
        }
        handle(referrals);
        // A count that no fact row explains: a recount of the month and borough would put it right.
        inSchema("UPDATE dash_referral_rollup SET received = received + 100 WHERE dimension = 'all'");

        handle(List.of(new ReferralAccepted("r0", "lw-1", day, null), received("r5", "p5", day, BOROUGHS[0],
                List.of(NEEDS[0]))));

        assertThat(inSchema("SELECT received FROM dash_referral_rollup WHERE dimension = 'all'", Integer.class))
                .isEqualTo(106);
        assertThat(inSchema("SELECT accepted FROM dash_referral_rollup WHERE dimension = 'all'", Integer.class))
                .isEqualTo(1);
        assertThat(inSchema("SELECT received FROM dash_referral_rollup WHERE dimension = 'need'", Integer.class))
                .isEqualTo(6);
    }

    @Test
    void a_bucket_left_without_referrals_has_no_rows_as_in_a_count_from_the_facts() {
        LocalDate day = LocalDate.of(2024, 5, 6);
        handle(List.of(received("r1", "p1", day, BOROUGHS[0], List.of(NEEDS[0])),
                new FirstContactMade("r1", day.plusDays(3), ContactChannel.TELEPHONE)));
        // Received again with another borough and need: the referral leaves its first borough altogether.
        handle(List.of(received("r1", "p1", day, BOROUGHS[1], List.of(NEEDS[1]))));

        assertThat(inSchema("SELECT count(*) FROM dash_referral_rollup WHERE borough_gss_code = '" + BOROUGHS[0] + "'",
                Long.class)).isZero();
        assertThat(inSchema("SELECT count(*) FROM dash_referral_wait WHERE borough_gss_code = '" + BOROUGHS[0] + "'",
                Long.class)).isZero();
        assertThat(inSchema("SELECT count(*) FROM dash_referral_wait_year WHERE borough_gss_code = '" + BOROUGHS[0]
                + "'", Long.class)).isZero();
        String kept = rollups();
        assertThat(countedFromFacts()).isEqualTo(kept);
    }

    /** A seeded history of about 40 referrals of 12 people from February to June 2024 (the year ends in March). */
    private static List<Object> history(Random random) {
        int people = 12;
        List<Deque<Object>> streams = new ArrayList<>();
        Deque<Object> persons = new ArrayDeque<>();
        for (int p = 0; p < people; p++) {
            persons.add(new PersonRegistered("p" + p, LocalDate.of(2024, 1, 1), null,
                    AgeBand.values()[random.nextInt(AgeBand.values().length)],
                    Sex.values()[random.nextInt(Sex.values().length)],
                    EthnicCategory.values()[random.nextInt(EthnicCategory.values().length)], 1 + random.nextInt(10),
                    "IMD2019", BOROUGHS[random.nextInt(BOROUGHS.length)]));
            if (random.nextInt(4) == 0) {
                persons.add(new PersonDemographicsRecorded("p" + p, LocalDate.of(2024, 2, 1), Sex.FEMALE,
                        EthnicCategory.BLACK_AFRICAN, 3, "IMD2019", BOROUGHS[0]));
            }
        }
        for (int r = 0; r < 40; r++) {
            streams.add(referral(random, "r" + r, "p" + random.nextInt(people)));
        }
        List<Object> history = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            history.add(new ProviderRegistered("va" + a, "Provider " + a, null, null, null, null, null,
                    List.of(BOROUGHS[a]), LocalDate.of(2023, 1, 1)));
            history.add(new ActivityRegistered("a" + a, "va" + a, "Activity " + a, null, List.of(), null, null,
                    8 + a, LocalDate.of(2023, 1, 1)));
        }
        // Most people are registered before their referrals arrive; a few referrals come first.
        for (int i = 0; i < 3 && !streams.isEmpty(); i++) {
            history.add(streams.get(random.nextInt(streams.size())).poll());
        }
        history.addAll(persons);
        while (streams.stream().anyMatch(s -> !s.isEmpty())) {
            Deque<Object> stream = streams.get(random.nextInt(streams.size()));
            if (!stream.isEmpty()) {
                history.add(stream.poll());
            }
        }
        history.removeIf(java.util.Objects::isNull);
        // An activity's places per session change once sessions of it have been recorded.
        history.add(history.size() / 2, new ActivityDetailsChanged("a2", "Activity 2", null, List.of(), null, null,
                12, LocalDate.of(2024, 3, 1)));
        // Two people merged once most of their referrals are in, one of them into someone merged into before.
        history.add(history.size() * 3 / 5, new PersonMergedInto("p1", "p2", LocalDate.of(2024, 4, 20), "Duplicate"));
        history.add(history.size() * 9 / 10, new PersonMergedInto("p2", "p3", LocalDate.of(2024, 5, 20), "Duplicate"));
        return history;
    }

    private static Deque<Object> referral(Random random, String id, String person) {
        Deque<Object> events = new ArrayDeque<>();
        LocalDate on = LocalDate.of(2024, 2, 1).plusDays(random.nextInt(120));
        List<String> needs = random.nextInt(5) == 0 ? List.of()
                : List.of(NEEDS[random.nextInt(NEEDS.length)], NEEDS[random.nextInt(NEEDS.length)]).stream()
                        .distinct().toList();
        events.add(received(id, person, on, BOROUGHS[random.nextInt(BOROUGHS.length)], needs));
        if (random.nextInt(5) == 0) {
            events.add(new ReferralDeclined(id, DeclinedBy.PERSON, DeclineReason.NOT_WANTED, null, on.plusDays(2), null));
            if (random.nextBoolean()) {
                events.add(new ReferralReopened(id, on.plusDays(9), "Changed their mind"));
            } else {
                return events;
            }
        }
        if (random.nextInt(6) == 0) {
            return events;
        }
        String linkWorker = "lw-" + random.nextInt(3);
        events.add(new ReferralAccepted(id, linkWorker, on.plusDays(1 + random.nextInt(10)), null));
        events.add(new FirstContactMade(id, on.plusDays(random.nextInt(20) - 2), ContactChannel.TELEPHONE));
        if (random.nextInt(4) == 0) {
            events.add(new FirstContactMade(id, on.plusDays(random.nextInt(20)), ContactChannel.IN_PERSON));
        }
        events.add(new NeedsAssessed(id, on.plusDays(random.nextInt(25)), needs, "Company", List.of()));
        LocalDate baseline = on.plusDays(5 + random.nextInt(10));
        if (random.nextInt(3) > 0) {
            events.add(swemwbs(id, id + "-b", TimePoint.BASELINE, baseline, random));
            if (random.nextInt(6) == 0) {
                events.add(new WellbeingMeasureVoided(id, id + "-b", "Wrong person", baseline.plusDays(1)));
            }
            if (random.nextInt(6) == 0) {
                events.add(swemwbs(id, id + "-b2", TimePoint.BASELINE, baseline.plusDays(3), random));
            }
        }
        if (random.nextInt(4) > 0) {
            String activity = "a" + random.nextInt(3);
            events.add(new ConnectedToActivity(id, activity, "v" + activity, on.plusDays(15)));
            if (random.nextInt(4) == 0) {
                String other = "a" + random.nextInt(3);
                events.add(new ConnectedToActivity(id, other, "v" + other, on.plusDays(5 + random.nextInt(30))));
            }
            int sessions = random.nextInt(5);
            for (int s = 0; s < sessions; s++) {
                String attendance = id + "-s" + s;
                events.add(new AttendanceRecorded(id, attendance, activity, on.plusDays(20 + 7 * s),
                        random.nextInt(3) == 0 ? AttendanceStatus.DID_NOT_ATTEND : AttendanceStatus.ATTENDED));
                if (random.nextInt(6) == 0) {
                    events.add(new AttendanceCorrected(id, attendance, on.plusDays(18 + 7 * s),
                            random.nextBoolean() ? AttendanceStatus.ATTENDED : AttendanceStatus.DID_NOT_ATTEND,
                            "Register", on.plusDays(60)));
                }
                if (random.nextInt(8) == 0) {
                    events.add(new AttendanceVoided(id, attendance, "Wrong referral", on.plusDays(60)));
                }
            }
        }
        if (random.nextInt(3) > 0) {
            TimePoint point = random.nextBoolean() ? TimePoint.FOLLOW_UP : TimePoint.EXIT;
            events.add(swemwbs(id, id + "-f", point, baseline.plusDays(40 + random.nextInt(80)), random));
            if (random.nextInt(5) == 0) {
                events.add(new WellbeingMeasureCorrected(id, id + "-f", List.of(5, 5, 4, 4, 5, 4, 5), null, "Typo",
                        baseline.plusDays(130)));
            }
        }
        if (random.nextInt(12) == 0) {
            // Received again, naming another borough.
            events.add(received(id, person, on, BOROUGHS[random.nextInt(BOROUGHS.length)], needs));
        }
        if (random.nextInt(3) > 0) {
            events.add(new ReferralClosed(id, on.plusDays(100),
                    random.nextBoolean() ? ClosureOutcome.COMPLETED : ClosureOutcome.DISENGAGED, List.of(), List.of(),
                    null, null));
            if (random.nextInt(5) == 0) {
                events.add(new ReferralReopened(id, on.plusDays(110), "Back in touch"));
            }
        }
        return events;
    }

    private static ReferralReceived received(String id, String person, LocalDate on, String borough, List<String> needs) {
        return new ReferralReceived(id, person, on, ReferralSource.GP_PRACTICE, "F84003", "F84003", "U12345", borough,
                needs, null);
    }

    private static WellbeingMeasured swemwbs(String referral, String measure, TimePoint point, LocalDate on,
                                             Random random) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            items.add(1 + random.nextInt(5));
        }
        return new WellbeingMeasured(referral, measure, Instrument.SWEMWBS, "SWEMWBS v1", point, on, null, items, null);
    }

    /** One batch for each dashboard projection, as its own processor runs it. */
    private void handle(List<Object> payloads) {
        handle(handlers, payloads);
        handle(providerHandlers, payloads);
    }

    /** One batch, as an event processor runs it: one batching unit of work in one transaction, in the test's schema. */
    private void handle(AnnotationEventHandlerAdapter projection, List<Object> payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        payloads.forEach(payload -> messages.add(GenericEventMessage.asEventMessage(payload)));
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + SCHEMA + ", public");
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
            var result = unitOfWork.executeWithResult(() -> {
                projection.handle(unitOfWork.getMessage());
                return null;
            });
            if (result.isExceptional()) {
                throw new IllegalStateException(result.exceptionResult());
            }
        });
    }

    private String providerRollups() {
        return checksum("dash_provider_rollup", "dash_activity_capacity", "dash_provider_capacity",
                "dash_provider_outcome");
    }

    private String providersCountedFromFacts() {
        return countedFromFacts(providers::rebuildRollupsFromFacts, this::providerRollups);
    }

    private String rollups() {
        return checksum("dash_referral_rollup", "dash_referral_wait", "dash_referral_wait_year", "dash_caseload");
    }

    /** Counts every rollup again from the fact rows (in the test's schema) and returns their checksum. */
    private String countedFromFacts() {
        return countedFromFacts(projection::rebuildRollupsFromFacts, this::rollups);
    }

    private String countedFromFacts(Runnable recount, java.util.function.Supplier<String> checksum) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + SCHEMA + ", public");
            recount.run();
        });
        return checksum.get();
    }

    /** The tables' contents as one text, in the test's schema, and the first table's row count. */
    private String checksum(String... tables) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String table : tables) {
            sql.append("(SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ").append(table)
                    .append(" t) || ' ' || ");
        }
        sql.append("(SELECT count(*) FROM ").append(tables[0]).append(')');
        return inSchema(sql.toString(), String.class);
    }

    private <T> T inSchema(String sql, Class<T> type) {
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL search_path TO " + SCHEMA + ", public");
            return jdbc.queryForObject(sql, type);
        });
    }

    private void inSchema(String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + SCHEMA + ", public");
            jdbc.update(sql);
        });
    }
}
