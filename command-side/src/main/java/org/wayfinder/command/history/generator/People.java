package org.wayfinder.command.history.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/** Makes synthetic people: made-up names, test-range NHS numbers, plausible London postcodes. */
final class People {

    /**
     * One person as first registered. Everything a later referral of the same person reuses is kept here.
     */
    record Person(String id, String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth,
                  String postcode, String sex, String ethnicCategory, int imdDecile, London.Borough borough,
                  Organisations.Practice practice, LocalDate registeredOn, String ageBand) {
    }

    record AgeBand(String label, int fromYears, int toYears) {
    }

    // Social prescribing reaches older adults more than the population does (NHS England, Social
    // prescribing: reference guide and technical annex, 2023); the shape is a judgement, see docs.
    static final Weighted<AgeBand> AGE = Weighted.of(List.of(
                    new AgeBand("18-24", 18, 24), new AgeBand("25-34", 25, 34), new AgeBand("35-44", 35, 44),
                    new AgeBand("45-54", 45, 54), new AgeBand("55-64", 55, 64), new AgeBand("65-74", 65, 74),
                    new AgeBand("75-84", 75, 84), new AgeBand("85+", 85, 99)),
            6, 12, 14, 17, 18, 15, 12, 6);

    // F, M, other, not known: women are referred more often than men.
    static final Weighted<String> SEX = Weighted.of(List.of("F", "M", "O", "U"), 60, 38, 0.5, 1.5);

    // London, Census 2021 ethnic group (ONS TS021), mapped to NHS ethnic category codes, scaled to leave
    // 8% not stated (Z) as GP records commonly do.
    static final Weighted<String> ETHNICITY = Weighted.of(
            List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z"),
            36.8, 1.8, 14.7, 1.5, 0.9, 1.2, 2.1, 7.5, 3.3, 3.7, 4.6, 3.9, 7.9, 1.7, 1.7, 6.3, 8.7);

    private static final List<String> FEMALE_NAMES = List.of("Amara", "Olivia", "Fatima", "Grace", "Priya",
            "Chloe", "Aisha", "Maria", "Ruth", "Joyce", "Zainab", "Ewa", "Sophie", "Nadia", "Margaret", "Abena",
            "Leah", "Mei", "Shirin", "Eileen", "Rosa", "Hannah", "Ife", "Sana");
    private static final List<String> MALE_NAMES = List.of("Oliver", "Mohammed", "Kwame", "Tomasz", "James",
            "Arjun", "Daniel", "Yusuf", "George", "Chidi", "Liam", "Hassan", "Patrick", "Wei", "Samuel", "Ravi",
            "Dennis", "Kofi", "Luca", "Ahmed", "Frank", "Ibrahim", "Noah", "Bilal");
    private static final List<String> FAMILY_NAMES = List.of("Smith", "Khan", "Okafor", "Patel", "Jones",
            "Begum", "Nowak", "Williams", "Ahmed", "Mensah", "Brown", "Ali", "Taylor", "Hussain", "Murphy",
            "Chen", "Silva", "Adeyemi", "Evans", "Rahman", "Kowalski", "Thompson", "Osei", "Shah", "Davies",
            "Nguyen", "Hughes", "Mahmood", "Campbell", "Rossi", "Wright", "Islam");
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final NhsNumbers nhsNumbers;
    private int exhaustedNhsNumbers;

    People(NhsNumbers nhsNumbers) {
        this.nhsNumbers = nhsNumbers;
    }

    Person newPerson(RandomGenerator random, London.Borough borough, Organisations.Local local, LocalDate on,
                     boolean withNhsNumber) {
        String sex = SEX.pick(random);
        AgeBand band = AGE.pick(random);
        LocalDate dateOfBirth = on.minusYears(band.fromYears())
                .minusDays(random.nextLong(Math.max(1, (band.toYears() - band.fromYears() + 1) * 365L)));
        String given = givenName(random, sex);
        String family = FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size()));
        String nhs = null;
        if (withNhsNumber) {
            nhs = nhsNumbers.next();
            if (nhs == null) {
                exhaustedNhsNumbers++;
            }
        }
        // People referred to link workers are more deprived than their borough on average.
        int imd = Sampling.clamp(Math.round(Sampling.normal(random, borough.typicalImdDecile() - 0.7, 2.2)), 1, 10);
        return new Person(Sampling.uuid(random).toString(), nhs, given, family, dateOfBirth,
                postcode(random, borough), sex, ETHNICITY.pick(random), imd, borough, local.practices().pick(random),
                on, band.label());
    }

    /**
     * A second record of someone already known, as made when a referral arrives without a match: often no
     * NHS number, sometimes a slip in the name. Only a record that gets merged may share the survivor's
     * number: two live records with one number would have been matched on arrival.
     */
    Person duplicateOf(RandomGenerator random, Person survivor, LocalDate on, boolean merged) {
        String nhs = Sampling.chance(random, 0.6) || !merged ? null : survivor.nhsNumber();
        String given = Sampling.chance(random, 0.3) ? survivor.givenName().substring(0, 1) : survivor.givenName();
        return new Person(Sampling.uuid(random).toString(), nhs, given, survivor.familyName(),
                survivor.dateOfBirth(), survivor.postcode(), survivor.sex(), survivor.ethnicCategory(),
                survivor.imdDecile(), survivor.borough(), survivor.practice(), on,
                ageBandOn(survivor.dateOfBirth(), on));
    }

    /** How many people went without an NHS number because the test range ran out. */
    int exhaustedNhsNumbers() {
        return exhaustedNhsNumbers;
    }

    static String ageBandOn(LocalDate dateOfBirth, LocalDate on) {
        int age = java.time.Period.between(dateOfBirth, on).getYears();
        for (AgeBand band : AGE.values()) {
            if (age <= band.toYears()) {
                return band.label();
            }
        }
        return "85+";
    }

    private static String givenName(RandomGenerator random, String sex) {
        List<String> names = switch (sex) {
            case "F" -> FEMALE_NAMES;
            case "M" -> MALE_NAMES;
            default -> random.nextBoolean() ? FEMALE_NAMES : MALE_NAMES;
        };
        return names.get(random.nextInt(names.size()));
    }

    private static String postcode(RandomGenerator random, London.Borough borough) {
        List<String> outward = borough.outwardCodes();
        return outward.get(random.nextInt(outward.size())) + " " + random.nextInt(10)
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    }
}
