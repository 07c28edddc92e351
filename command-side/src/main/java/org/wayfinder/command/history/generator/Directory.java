package org.wayfinder.command.history.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.wayfinder.kernel.referral.Need;

/** A synthetic directory of VCSE providers and their weekly activities, in Open Referral UK's spirit. */
final class Directory {

    /** A kind of activity and the needs it answers; the code is what activities.csv records as taxonomy. */
    record Kind(String taxonomy, List<String> names, List<Need> needs) {
    }

    record Provider(String id, String name, List<London.Borough> boroughs, LocalDate registeredOn) {
    }

    record Activity(String id, Provider provider, String name, Kind kind, London.Borough venue, DayOfWeek day,
                    int capacity, LocalDate registeredOn) {

        String schedule() {
            return "FREQ=WEEKLY;BYDAY=" + day.name().substring(0, 2);
        }

        /** The first session on or after a date. */
        LocalDate firstSessionFrom(LocalDate date) {
            int ahead = (day.getValue() - date.getDayOfWeek().getValue() + 7) % 7;
            return date.plusDays(ahead);
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind("social-group", List.of("Lunch Club", "Friendship Café", "Knit and Natter", "Men's Shed"),
                    List.of(Need.LONELINESS_ISOLATION, Need.BEREAVEMENT)),
            new Kind("befriending", List.of("Befriending Service", "Telephone Befriending"),
                    List.of(Need.LONELINESS_ISOLATION)),
            new Kind("physical-activity", List.of("Walking for Health", "Chair Yoga", "Tai Chi", "Park Run Buddies"),
                    List.of(Need.PHYSICAL_INACTIVITY, Need.LONG_TERM_CONDITION, Need.LOW_MOOD_ANXIETY)),
            new Kind("arts-and-creativity", List.of("Community Choir", "Art Studio", "Creative Writing Circle"),
                    List.of(Need.LOW_MOOD_ANXIETY, Need.LONELINESS_ISOLATION)),
            new Kind("gardening-and-nature", List.of("Community Garden", "Green Gym", "Allotment Group"),
                    List.of(Need.LOW_MOOD_ANXIETY, Need.PHYSICAL_INACTIVITY, Need.LONELINESS_ISOLATION)),
            new Kind("peer-support", List.of("Wellbeing Peer Group", "Anxiety Support Circle"),
                    List.of(Need.LOW_MOOD_ANXIETY)),
            new Kind("money-advice", List.of("Money Advice Drop-in", "Benefits Surgery"),
                    List.of(Need.DEBT_MONEY, Need.FOOD)),
            new Kind("housing-advice", List.of("Housing Advice Drop-in", "Tenancy Support"),
                    List.of(Need.HOUSING)),
            new Kind("employment-support", List.of("Job Club", "Volunteering Taster"),
                    List.of(Need.EMPLOYMENT)),
            new Kind("carers-support", List.of("Carers' Café", "Carers' Support Group"),
                    List.of(Need.CARER_SUPPORT)),
            new Kind("bereavement-support", List.of("Bereavement Café", "Grief Walk"),
                    List.of(Need.BEREAVEMENT)),
            new Kind("food", List.of("Community Pantry", "Cook and Eat"),
                    List.of(Need.FOOD, Need.DEBT_MONEY)),
            new Kind("digital-skills", List.of("Digital Drop-in", "Tablet Tuition"),
                    List.of(Need.DIGITAL_EXCLUSION)),
            new Kind("condition-self-management", List.of("Breathe Easy Group", "Diabetes Peer Support"),
                    List.of(Need.LONG_TERM_CONDITION)));

    private static final List<String> PROVIDER_WORDS = List.of("Community", "Neighbours", "Together", "Connect",
            "Wellbeing", "Roots", "Bridges", "Open Door", "Hands", "Compass", "Lighthouse", "Hub");
    private static final List<String> PROVIDER_FORMS = List.of("Trust", "CIC", "Association", "Network", "Project",
            "Foundation");
    private static final List<DayOfWeek> DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
    private static final Weighted<DayOfWeek> DAY = Weighted.of(DAYS, 18, 20, 20, 20, 15, 7);

    private final List<Provider> providers = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<List<Activity>> activitiesByBorough = new ArrayList<>();
    private final List<List<Provider>> providersByBorough = new ArrayList<>();

    Directory(RandomGenerator random, LocalDate from, LocalDate to) {
        for (int i = 0; i < London.BOROUGHS.size(); i++) {
            activitiesByBorough.add(new ArrayList<>());
            providersByBorough.add(new ArrayList<>());
        }
        long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
        for (London.Borough borough : London.BOROUGHS) {
            // About one provider per 10,000 residents; even the City has a few.
            int count = Math.max(3, borough.populationThousands() / 10);
            for (int p = 0; p < count; p++) {
                List<London.Borough> served = new ArrayList<>(List.of(borough));
                if (Sampling.chance(random, 0.15)) {
                    London.Borough other = London.BOROUGHS.get(random.nextInt(London.BOROUGHS.size()));
                    if (other != borough) {
                        served.add(other);
                    }
                }
                // Most of the directory predates the period; the rest joins it along the way.
                LocalDate registered = Sampling.chance(random, 0.7)
                        ? from.minusDays(Sampling.between(random, 1, 720))
                        : from.plusDays(random.nextLong(span));
                String name = borough.borough().displayName() + " "
                        + PROVIDER_WORDS.get(random.nextInt(PROVIDER_WORDS.size())) + " "
                        + PROVIDER_FORMS.get(random.nextInt(PROVIDER_FORMS.size()));
                Provider provider = new Provider(Sampling.uuid(random).toString(), name, List.copyOf(served),
                        registered);
                providers.add(provider);
                for (London.Borough b : served) {
                    providersByBorough.get(b.borough().ordinal()).add(provider);
                }
                int activityCount = Sampling.between(random, 1, 4);
                for (int a = 0; a < activityCount; a++) {
                    Kind kind = KINDS.get(random.nextInt(KINDS.size()));
                    London.Borough venue = served.get(random.nextInt(served.size()));
                    LocalDate later = registered.plusDays(Sampling.between(random, 0, 365));
                    LocalDate activityRegistered = a == 0 ? registered : later.isAfter(to) ? to : later;
                    Activity activity = new Activity(Sampling.uuid(random).toString(), provider,
                            kind.names().get(random.nextInt(kind.names().size())) + " ("
                                    + venue.borough().displayName() + ")",
                            kind, venue, DAY.pick(random), Sampling.between(random, 8, 25), activityRegistered);
                    activities.add(activity);
                    activitiesByBorough.get(venue.borough().ordinal()).add(activity);
                }
            }
        }
    }

    List<Provider> providers() {
        return providers;
    }

    List<Activity> activities() {
        return activities;
    }

    List<Provider> providersServing(London.Borough borough) {
        return providersByBorough.get(borough.borough().ordinal());
    }

    /**
     * An activity in the borough open by the date, preferring one that answers one of the needs; null
     * when the borough has none open yet.
     */
    Activity suggest(RandomGenerator random, London.Borough borough, List<Need> needs, LocalDate on,
                     List<Activity> exclude) {
        List<Activity> open = activitiesByBorough.get(borough.borough().ordinal());
        if (open.isEmpty()) {
            return null;
        }
        Activity fallback = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            Activity candidate = open.get(random.nextInt(open.size()));
            if (candidate.registeredOn().isAfter(on) || exclude.contains(candidate)) {
                continue;
            }
            if (needs.stream().anyMatch(candidate.kind().needs()::contains)) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback;
    }
}
