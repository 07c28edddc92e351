package org.wayfinder.app.axon;

import java.util.regex.Pattern;

/**
 * The cause kept with a dead letter: the innermost failure's first line without the values it quotes. Free-text
 * fields of events (reasons, summaries) may hold personal details, and PostgreSQL's messages quote the
 * offending value ({@code invalid input syntax for type date: "…"}, {@code Key (x)=(…)}).
 */
public final class DeadLetterCauses {

    static final int MAX_LENGTH = 300;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|«[^»]*»");
    private static final Pattern KEY_VALUE = Pattern.compile("\\)=\\([^)]*\\)");

    private DeadLetterCauses() {
    }

    /** The innermost cause: for a refused write, PostgreSQL's own message rather than Spring's wrapper. */
    public static Throwable rootOf(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    public static String withoutValues(Throwable cause) {
        Throwable root = rootOf(cause);
        String message = root.getMessage() == null ? "" : root.getMessage();
        int detail = indexOfAny(message, "\n", "\r", "Detail:", "Where:", "Call getNextException");
        String firstLine = detail < 0 ? message : message.substring(0, detail);
        String redacted = KEY_VALUE.matcher(QUOTED.matcher(firstLine).replaceAll("\"…\"")).replaceAll(")=(…)").strip();
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static int indexOfAny(String text, String... markers) {
        int first = -1;
        for (String marker : markers) {
            int at = text.indexOf(marker);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
