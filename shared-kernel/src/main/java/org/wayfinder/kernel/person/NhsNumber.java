package org.wayfinder.kernel.person;

/**
 * A person's NHS number: ten digits, the last a Modulus 11 check digit (NHS Data Dictionary).
 *
 * <p>Neither {@link #toString()} nor any exception message contains the number, so it cannot leak
 * into logs or problem responses. A referral may arrive without one; this type says nothing about
 * whether it is required.
 *
 * @param value the ten digits, without spaces or hyphens
 */
public record NhsNumber(String value) {

    private static final int LENGTH = 10;

    public NhsNumber {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Reads an NHS number as people write it, with or without spaces or hyphens between digits. */
    public static NhsNumber parse(String input) {
        if (input == null) {
            throw new IllegalArgumentException("An NHS number is required here but none was given.");
        }
        return new NhsNumber(digitsOnly(input));
    }

    /** Whether {@link #parse(String)} would accept the input. */
    public static boolean isValid(String input) {
        return input != null && problemWith(digitsOnly(input)) == null;
    }

    @Override
    public String toString() {
        return "NhsNumber[redacted]";
    }

    private static String digitsOnly(String input) {
        return input.strip().replaceAll("[\\s-]", "");
    }

    /** The reason a digits-only candidate is not an NHS number, or null when it is one. */
    private static String problemWith(String digits) {
        if (digits == null || digits.isEmpty()) {
            return "An NHS number is required here but none was given.";
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "An NHS number may contain only digits, spaces and hyphens.";
        }
        if (digits.length() != LENGTH) {
            return "An NHS number has exactly 10 digits.";
        }
        int expected = checkDigit(digits);
        if (expected == 10) {
            return "This is not an NHS number: its first nine digits cannot have a valid check digit.";
        }
        if (expected != digits.charAt(9) - '0') {
            return "This is not an NHS number: the check digit does not match. Please check it was typed correctly.";
        }
        return null;
    }

    // Modulus 11: weights 10..2 on digits 1..9; a result of 11 means 0 and 10 means no valid number.
    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
