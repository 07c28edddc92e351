package org.wayfinder.command.history.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.wayfinder.kernel.referral.Need;
import org.wayfinder.kernel.referral.ReferralSource;

/**
 * Writes a synthetic, seeded history of social prescribing in London as import files (see
 * docs/import-format.md and docs/generator.md). The seed is the only source of variation.
 */
public final class HistoryGenerator {

    /**
     * What a run wrote.
     *
     * @param rows                  data rows per file
     * @param withoutNhsNumberSpare people left without an NHS number because the test range ran out
     * @param seconds               wall time, for the report only
     */
    public record Summary(Map<ImportFile, Long> rows, int withoutNhsNumberSpare, double seconds) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        public String line() {
            return rows.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().fileName(), e.getValue()))
                    .collect(Collectors.joining("; "))
                    + String.format(Locale.ROOT, "; %,d rows in %.1f s (%,.0f rows/s)", totalRows(), seconds,
                    totalRows() / Math.max(seconds, 1e-9))
                    + (withoutNhsNumberSpare > 0 ? String.format(Locale.ROOT,
                    "; %,d people without an NHS number because the 999 test range ran out", withoutNhsNumberSpare)
                    : "");
        }
    }

    // Share of the mature referral rate reached each year: Long Term Plan roll-out from 2019, a 2020
    // dip, maturity by 2024, then slow growth. A judgement; docs/generator.md explains it.
    private static final double[] GROWTH_FROM_2019 = {0.30, 0.40, 0.60, 0.78, 0.90, 1.00};
    private static final double GROWTH_AFTER_2024 = 0.01;

    // Referrals by calendar month: fewer in August and December, more in spring and autumn.
    private static final double[] SEASON = {1.05, 1.05, 1.08, 0.95, 1.00, 1.00, 0.95, 0.85, 1.02, 1.08, 1.07, 0.85};

    private static final double RE_REFERRAL = 0.10;
    private static final double RE_REFERRED_ON_A_DUPLICATE = 0.10;
    private static final double ERASED = 0.002;
    private static final int CASELOAD_PER_YEAR = 225;
    private static final LocalDate IOD_2025_IN_USE = LocalDate.of(2026, 1, 1);

    private HistoryGenerator() {
    }

    public static void main(String[] args) {
        GeneratorOptions options;
        try {
            options = GeneratorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(GeneratorOptions.usage());
            System.exit(2);
            return;
        }
        try {
            Summary summary = generate(options, System.err);
            System.out.println(summary.line());
        } catch (IOException e) {
            System.err.println("Could not write to " + options.out() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    public static Summary generate(GeneratorOptions options) throws IOException {
        return generate(options, System.err);
    }

    static Summary generate(GeneratorOptions options, PrintStream progressOut) throws IOException {
        SplittableRandom root = new SplittableRandom(options.seed());
        // Separate streams, so a change in how journeys are drawn leaves the directory as it was.
        SplittableRandom organisationRandom = root.split();
        SplittableRandom directoryRandom = root.split();
        SplittableRandom nhsRandom = root.split();
        SplittableRandom random = root.split();

        Organisations organisations = new Organisations(organisationRandom);
        Directory directory = new Directory(directoryRandom, options.from(), options.to());
        People people = new People(new NhsNumbers(nhsRandom));
        Keys keys = new Keys(options.seed());
        List<YearMonth> months = months(options.from(), options.to());
        int[] perMonth = allocate(options.referrals(), monthWeights(months, options.from(), options.to()));
        int[][] linkWorkers = linkWorkers(months, perMonth);
        Progress progress = new Progress(progressOut, options.progress(), options.referrals());

        HistoryFiles files = new HistoryFiles(options.out());
        try (files) {
            writeDirectory(files, directory, keys);
            Journeys journeys = new Journeys(random, files, directory, keys, options.to());
            Run run = new Run(options, random, files, organisations, directory, people, keys, journeys, linkWorkers,
                    months.get(0).getYear());
            long done = 0;
            for (int m = 0; m < months.size(); m++) {
                for (Pending pending : run.referralsIn(months.get(m), perMonth[m])) {
                    run.refer(pending);
                    progress.update(++done, files.total());
                }
            }
        }
        // After closing, so the elapsed time includes the last flush to disk.
        return new Summary(files.counts(), people.exhaustedNhsNumbers(), progress.elapsedSeconds());
    }

    /** A referral due on a date: of a new person when person is null, else a re-referral. */
    private record Pending(LocalDate on, People.Person person, boolean onADuplicate, long order) {
    }

    private static final Comparator<Pending> BY_DATE =
            Comparator.comparing(Pending::on).thenComparingLong(Pending::order);

    /** The state of one run: the people due back, and the sequence that keeps ordering stable. */
    private static final class Run {
        private final GeneratorOptions options;
        private final SplittableRandom random;
        private final HistoryFiles files;
        private final Organisations organisations;
        private final Directory directory;
        private final People people;
        private final Keys keys;
        private final Journeys journeys;
        private final int[][] linkWorkers;
        private final int firstYear;
        private final Weighted<London.Borough> boroughs = London.byPopulation();
        private final PriorityQueue<Pending> dueBack = new PriorityQueue<>(BY_DATE);
        private long order;

        Run(GeneratorOptions options, SplittableRandom random, HistoryFiles files, Organisations organisations,
            Directory directory, People people, Keys keys, Journeys journeys, int[][] linkWorkers, int firstYear) {
            this.options = options;
            this.random = random;
            this.files = files;
            this.organisations = organisations;
            this.directory = directory;
            this.people = people;
            this.keys = keys;
            this.journeys = journeys;
            this.linkWorkers = linkWorkers;
            this.firstYear = firstYear;
        }

        /** The month's referrals in date order: people due back first in the count, new people the rest. */
        List<Pending> referralsIn(YearMonth month, int count) {
            List<Pending> pending = new ArrayList<>(count);
            LocalDate end = month.atEndOfMonth();
            while (!dueBack.isEmpty() && !dueBack.peek().on().isAfter(end) && pending.size() < count) {
                pending.add(dueBack.poll());
            }
            List<LocalDate> days = referralDays(month);
            while (pending.size() < count) {
                pending.add(new Pending(days.get(random.nextInt(days.size())), null, false, order++));
            }
            pending.sort(BY_DATE);
            return pending;
        }

        private List<LocalDate> referralDays(YearMonth month) {
            LocalDate first = max(month.atDay(1), options.from());
            LocalDate last = min(month.atEndOfMonth(), options.to());
            List<LocalDate> all = first.datesUntil(last.plusDays(1)).toList();
            // Referrals arrive on working days.
            List<LocalDate> weekdays = all.stream()
                    .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                    .toList();
            return weekdays.isEmpty() ? all : weekdays;
        }

        void refer(Pending pending) {
            LocalDate on = pending.on();
            ReferralSource source = Journeys.SOURCE.pick(random);
            People.Person person;
            People.Person survivor;
            if (pending.person() == null) {
                London.Borough borough = boroughs.pick(random);
                // A&E, self and other routes often arrive without an NHS number.
                double withNumber = source == ReferralSource.GP_PRACTICE ? 0.98 : 0.85;
                person = people.newPerson(random, borough, organisations.in(borough), on,
                        Sampling.chance(random, withNumber));
                survivor = person;
                LocalDate erasedOn = Sampling.chance(random, ERASED) ? on.plusDays(Sampling.between(random, 60, 900))
                        : null;
                boolean erased = erasedOn != null && !erasedOn.isAfter(options.to());
                writePerson(person, null, null, erased ? erasedOn : null);
                if (erased) {
                    survivor = null;
                }
            } else if (pending.onADuplicate()) {
                survivor = pending.person();
                LocalDate mergedOn = on.plusDays(Sampling.between(random, 7, 180));
                boolean merged = !mergedOn.isAfter(options.to());
                person = people.duplicateOf(random, survivor, on, merged);
                writePerson(person, merged ? survivor.id() : null, merged ? mergedOn : null, null);
            } else {
                person = pending.person();
                survivor = person;
            }
            if (survivor != null && Sampling.chance(random, RE_REFERRAL)) {
                LocalDate back = on.plusDays(Sampling.between(random, 365, 4 * 365));
                if (!back.isAfter(options.to())) {
                    dueBack.add(new Pending(back, survivor, Sampling.chance(random, RE_REFERRED_ON_A_DUPLICATE),
                            order++));
                }
            }
            London.Borough borough = person.borough();
            List<Need> needs = journeys.needsFor(source);
            journeys.play(new Journeys.Received(Sampling.uuid(random).toString(), person, on, source,
                    referrer(source, person), needs, journeys.urgency(), linkWorker(borough, on)));
        }

        private String referrer(ReferralSource source, People.Person person) {
            Organisations.Local local = organisations.in(person.borough());
            return switch (source) {
                case GP_PRACTICE -> person.practice().code();
                case ACCIDENT_AND_EMERGENCY -> local.acuteTrust();
                case MENTAL_HEALTH_SERVICES -> local.mentalHealthTrust();
                case HOUSING, SOCIAL_CARE -> person.borough().gssCode();
                case VCSE -> {
                    List<Directory.Provider> providers = directory.providersServing(person.borough());
                    yield providers.isEmpty() ? null : providers.get(random.nextInt(providers.size())).id();
                }
                case SELF_REFERRAL, POLICE, OTHER -> null;
            };
        }

        private String linkWorker(London.Borough borough, LocalDate on) {
            int count = linkWorkers[on.getYear() - firstYear][borough.borough().ordinal()];
            return "lw-" + borough.slug() + "-" + (1 + random.nextInt(count));
        }

        private void writePerson(People.Person person, String mergedInto, LocalDate mergedOn, LocalDate erasedOn) {
            boolean erased = erasedOn != null;
            String edition = person.registeredOn().isBefore(IOD_2025_IN_USE) ? "IMD2019" : "IoD2025";
            files.write(ImportFile.PEOPLE, keys.next("person"), person.id(),
                    erased ? null : person.nhsNumber(),
                    erased ? null : person.givenName(),
                    erased ? null : person.familyName(),
                    erased ? null : person.dateOfBirth(),
                    erased ? null : person.postcode(),
                    person.sex(), person.ethnicCategory(), person.imdDecile(), edition, person.borough().gssCode(),
                    person.registeredOn(), mergedInto, erasedOn, person.ageBand(), mergedOn);
        }
    }

    private static void writeDirectory(HistoryFiles files, Directory directory, Keys keys) {
        for (Directory.Provider provider : directory.providers()) {
            files.write(ImportFile.PROVIDERS, keys.next("provider"), provider.id(), provider.name(),
                    provider.boroughs().stream().map(London.Borough::gssCode)
                            .collect(Collectors.joining(ImportFile.LIST_SEPARATOR)),
                    provider.registeredOn());
        }
        for (Directory.Activity activity : directory.activities()) {
            files.write(ImportFile.ACTIVITIES, keys.next("activity"), activity.id(), activity.provider().id(),
                    activity.name(), activity.kind().taxonomy(), activity.venue().gssCode(), activity.schedule(),
                    activity.capacity(), activity.registeredOn());
        }
    }

    static List<YearMonth> months(LocalDate from, LocalDate to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    static double growth(int year) {
        if (year <= 2019) {
            return GROWTH_FROM_2019[0];
        }
        if (year - 2019 < GROWTH_FROM_2019.length) {
            return GROWTH_FROM_2019[year - 2019];
        }
        return 1.0 + GROWTH_AFTER_2024 * (year - 2024);
    }

    private static double[] monthWeights(List<YearMonth> months, LocalDate from, LocalDate to) {
        double[] weights = new double[months.size()];
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i);
            LocalDate first = max(month.atDay(1), from);
            LocalDate last = min(month.atEndOfMonth(), to);
            double coverage = (last.toEpochDay() - first.toEpochDay() + 1) / (double) month.lengthOfMonth();
            weights[i] = growth(month.getYear()) * SEASON[month.getMonthValue() - 1] * coverage;
        }
        return weights;
    }

    /** Splits a total in proportion to weights, exactly, by largest remainder (ties to the earlier). */
    static int[] allocate(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            given++;
        }
        return counts;
    }

    /** Link workers per year and borough, enough for a caseload of about 225 accepted referrals a year. */
    private static int[][] linkWorkers(List<YearMonth> months, int[] perMonth) {
        int firstYear = months.get(0).getYear();
        int years = months.get(months.size() - 1).getYear() - firstYear + 1;
        long[] perYear = new long[years];
        for (int i = 0; i < months.size(); i++) {
            perYear[months.get(i).getYear() - firstYear] += perMonth[i];
        }
        double population = London.totalPopulationThousands();
        int[][] counts = new int[years][London.BOROUGHS.size()];
        for (int y = 0; y < years; y++) {
            for (London.Borough borough : London.BOROUGHS) {
                double accepted = perYear[y] * 0.85 * borough.populationThousands() / population;
                counts[y][borough.borough().ordinal()] = Math.max(1, (int) Math.ceil(accepted / CASELOAD_PER_YEAR));
            }
        }
        return counts;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
