package org.wayfinder.command.history;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.wayfinder.command.history.generator.ImportFile;

/**
 * One data row of an import file, read by column name. Every accessor refuses a bad value by naming
 * the column, so a rejection reason never repeats what the row held.
 *
 * @param file       the file the row came from
 * @param lineNumber its record number in the file, the header being line 1
 * @param values     fields by column name; empty fields are absent or blank
 */
public record CsvRow(ImportFile file, long lineNumber, Map<String, String> values) {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public CsvRow {
        values = Map.copyOf(values);
    }

    public String sourceKey() {
        return required("source_key");
    }

    public Optional<String> optional(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String required(String column) {
        return optional(column).orElseThrow(() -> new RowRejected("Column '" + column + "' is required."));
    }

    public String text(String column) {
        return optional(column).orElse(null);
    }

    public String uuid(String column) {
        return optional(column).map(value -> checkedUuid(column, value)).orElse(null);
    }

    public String requiredUuid(String column) {
        return checkedUuid(column, required(column));
    }

    public LocalDate date(String column) {
        return optional(column).map(value -> parseDate(column, value)).orElse(null);
    }

    public LocalDate requiredDate(String column) {
        return parseDate(column, required(column));
    }

    public Integer integer(String column) {
        return optional(column).map(value -> parseInteger(column, value)).orElse(null);
    }

    public <E extends Enum<E>> E code(String column, Class<E> type) {
        return optional(column).map(value -> {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new RowRejected("Column '" + column + "' must be one of " + Arrays.toString(type.getEnumConstants())
                        + ".");
            }
        }).orElse(null);
    }

    public <T> T mapped(String column, Function<String, Optional<T>> lookup, String expected) {
        return optional(column).map(value -> lookup.apply(value)
                .orElseThrow(() -> new RowRejected("Column '" + column + "' must be " + expected + "."))).orElse(null);
    }

    public List<String> list(String column) {
        return optional(column).map(value -> List.of(value.split(Pattern.quote(ImportFile.LIST_SEPARATOR), -1)))
                .orElse(List.of());
    }

    public List<Integer> integers(String column) {
        return list(column).stream().map(value -> parseInteger(column, value)).toList();
    }

    private static String checkedUuid(String column, String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (!CANONICAL_UUID.matcher(lower).matches()) {
            throw new RowRejected("Column '" + column + "' must be a UUID.");
        }
        return UUID.fromString(lower).toString();
    }

    private static LocalDate parseDate(String column, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected("Column '" + column + "' must be a date as YYYY-MM-DD.");
        }
    }

    private static Integer parseInteger(String column, String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new RowRejected("Column '" + column + "' must be a whole number.");
        }
    }
}
