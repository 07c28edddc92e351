package org.wayfinder.command.history.generator;

import java.util.random.RandomGenerator;

/**
 * Hands out distinct NHS numbers from the test range 999 000 0000 to 999 999 9999, which the NHS never
 * issues to a person. A fixed permutation of the million candidates spreads them out; candidates whose
 * Modulus 11 check would be 10 are skipped, leaving about 909,000 numbers.
 */
final class NhsNumbers {

    private static final int CANDIDATES = 1_000_000;

    private final long multiplier;
    private final long offset;
    private int next;

    NhsNumbers(RandomGenerator random) {
        // Any multiplier coprime with 10^6 makes i -> (a*i + b) mod 10^6 a permutation.
        long a;
        do {
            a = 100_001 + random.nextInt(800_000);
        } while (a % 2 == 0 || a % 5 == 0);
        this.multiplier = a;
        this.offset = random.nextInt(CANDIDATES);
    }

    /** The next unused number, or null once the test range is used up. */
    String next() {
        while (next < CANDIDATES) {
            long candidate = (multiplier * next++ + offset) % CANDIDATES;
            String digits = Long.toString(candidate);
            String nine = "999" + "000000".substring(digits.length()) + digits;
            int check = checkDigit(nine);
            if (check != 10) {
                return nine + check;
            }
        }
        return null;
    }

    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
