package org.wayfinder.command.history.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What to generate.
 *
 * @param seed      the only source of variation: the same options give byte-identical files
 * @param referrals total referrals, re-referrals included, spread over the dates by growth and season
 * @param from      first possible referral date
 * @param to        last date of anything written; journeys still under way then are left open
 * @param out       directory the files are written to
 * @param progress  whether to report progress on stderr
 */
public record GeneratorOptions(long seed, int referrals, LocalDate from, LocalDate to, Path out, boolean progress) {

    public static final long DEFAULT_SEED = 2019;

    public GeneratorOptions {
        if (referrals < 1) {
            throw new IllegalArgumentException("--referrals must be at least 1.");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to (" + to + ") is before --from (" + from + ").");
        }
    }

    public static GeneratorOptions of(Scale scale, long seed, Path out) {
        return new GeneratorOptions(seed, scale.referrals(), scale.from(), scale.to(), out, false);
    }

    public GeneratorOptions withReferrals(int count) {
        return new GeneratorOptions(seed, count, from, to, out, progress);
    }

    public GeneratorOptions withSeed(long value) {
        return new GeneratorOptions(value, referrals, from, to, out, progress);
    }

    /** Reads command-line options; a scale sets the defaults that the other options override. */
    public static GeneratorOptions parse(String... args) {
        Scale scale = Scale.DEMO;
        Long seed = null;
        Integer referrals = null;
        LocalDate from = null;
        LocalDate to = null;
        Path out = null;
        boolean progress = true;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--quiet")) {
                progress = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value.");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--scale" -> scale = Scale.byOption(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--referrals" -> referrals = Integer.parseInt(value);
                    case "--from" -> from = LocalDate.parse(value);
                    case "--to" -> to = LocalDate.parse(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + option + ".");
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("Option " + option + " cannot take '" + value + "'.", e);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required.");
        }
        return new GeneratorOptions(seed == null ? DEFAULT_SEED : seed,
                referrals == null ? scale.referrals() : referrals,
                from == null ? scale.from() : from,
                to == null ? scale.to() : to,
                out, progress);
    }

    static String usage() {
        return """
                usage: HistoryGenerator --out DIR [--scale demo|london-year|london-decade] [--seed N]
                                        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--referrals N] [--quiet]
                  demo           5,000 referrals 2019-01-01..2026-10-31
                  london-year    120,000 referrals 2025-01-01..2025-12-31
                  london-decade  1,300,000 referrals 2019-01-01..2029-12-31
                  --seed defaults to 2019; the same options always give byte-identical files.""";
    }
}
