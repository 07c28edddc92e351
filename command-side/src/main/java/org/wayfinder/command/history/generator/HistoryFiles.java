package org.wayfinder.command.history.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Streams rows to one RFC 4180 file per kind: UTF-8, CRLF, header first, nulls as empty fields. */
final class HistoryFiles implements AutoCloseable {

    private final Map<ImportFile, CSVPrinter> printers = new EnumMap<>(ImportFile.class);
    private final Map<ImportFile, Long> counts = new EnumMap<>(ImportFile.class);
    private long total;
    private boolean closed;

    HistoryFiles(Path directory) throws IOException {
        Files.createDirectories(directory);
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
        for (ImportFile file : ImportFile.values()) {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(directory.resolve(file.fileName())), StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter printer = new CSVPrinter(writer, format);
            printer.printRecord(file.columns());
            printers.put(file, printer);
            counts.put(file, 0L);
        }
    }

    void write(ImportFile file, Object... values) {
        if (values.length != file.columns().size()) {
            throw new IllegalArgumentException(file.fileName() + " has " + file.columns().size() + " columns, not "
                    + values.length + ".");
        }
        try {
            printers.get(file).printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts.merge(file, 1L, Long::sum);
        total++;
    }

    /** Data rows written so far, header rows not counted. */
    long total() {
        return total;
    }

    Map<ImportFile, Long> counts() {
        return new EnumMap<>(counts);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (CSVPrinter printer : printers.values()) {
            try {
                printer.close(true);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
