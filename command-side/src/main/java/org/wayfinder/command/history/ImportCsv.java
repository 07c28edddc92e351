package org.wayfinder.command.history;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.wayfinder.command.history.generator.ImportFile;

/** Reads import files as docs/import-format.md defines them: RFC 4180, UTF-8, a header naming every column. */
public final class ImportCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private ImportCsv() {
    }

    /**
     * Why the file cannot be imported as this kind, or empty when its header names every column the
     * kind needs (in any order; columns added at the end by later versions are ignored).
     */
    public static Optional<String> headerProblem(ImportFile kind, Path path) {
        String expected = String.join(",", kind.columns());
        try (Reader reader = reader(path); CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return Optional.of("The file is empty; its first line must be the header " + expected + ".");
            }
            List<String> header = records.next().toList();
            List<String> missing = kind.columns().stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                return Optional.of("The header lacks " + String.join(", ", missing) + "; expected " + expected + ".");
            }
            return Optional.empty();
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            return Optional.of("The file is not UTF-8 CSV; expected a header " + expected + ".");
        }
    }

    /** Hands every data row to the consumer in file order; line numbers count the header as line 1. */
    public static void forEachRow(ImportFile kind, Path path, Consumer<CsvRow> consumer) throws IOException {
        try (Reader reader = reader(path);
             CSVParser parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            long line = 1;
            for (CSVRecord record : parser) {
                line++;
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                consumer.accept(new CsvRow(kind, line, values));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Reader reader(Path path) throws IOException {
        // Refuse bytes that are not UTF-8 rather than importing replacement characters.
        return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

}
