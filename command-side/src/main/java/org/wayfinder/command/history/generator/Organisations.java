package org.wayfinder.command.history.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Synthetic primary care and referring organisations per borough. Codes look like ODS codes (PCN U + 5
 * digits, practice F + 5 digits, trust R + 2 letters) but are drawn at random and match no real one by
 * design.
 */
final class Organisations {

    record Practice(String code, String pcn) {
    }

    record Local(London.Borough borough, List<String> pcns, Weighted<Practice> practices, String acuteTrust,
                 String mentalHealthTrust) {
    }

    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXY";

    private final List<Local> byBorough = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    Organisations(RandomGenerator random) {
        for (London.Borough borough : London.BOROUGHS) {
            // About one PCN per 45,000 residents, within the 4..8 a borough typically has; the City has one.
            int pcnCount = borough.populationThousands() < 50 ? 1
                    : Sampling.clamp(Math.round(borough.populationThousands() / 45.0), 4, 8);
            List<String> pcns = new ArrayList<>();
            Weighted.Builder<Practice> practices = Weighted.builder();
            for (int p = 0; p < pcnCount; p++) {
                String pcn = unique(random, "U", true);
                pcns.add(pcn);
                int practiceCount = pcnCount == 1 ? 1 : Sampling.between(random, 3, 8);
                for (int g = 0; g < practiceCount; g++) {
                    // List sizes vary several-fold between practices; referrals follow list size.
                    practices.add(new Practice(unique(random, "F", true), pcn), 0.3 + random.nextDouble());
                }
            }
            byBorough.add(new Local(borough, List.copyOf(pcns), practices.build(), unique(random, "R", false),
                    unique(random, "R", false)));
        }
    }

    Local in(London.Borough borough) {
        return byBorough.get(borough.borough().ordinal());
    }

    private String unique(RandomGenerator random, String prefix, boolean digits) {
        while (true) {
            String code = digits
                    ? prefix + (10000 + random.nextInt(90000))
                    : prefix + LETTERS.charAt(random.nextInt(LETTERS.length()))
                    + LETTERS.charAt(random.nextInt(LETTERS.length()));
            if (used.add(code)) {
                return code;
            }
        }
    }
}
