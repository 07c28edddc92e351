package org.wayfinder.command.history.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads what a generator run wrote. */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    static HistoryGenerator.Summary generate(Path out, Scale scale, long seed, Integer referrals) {
        GeneratorOptions options = GeneratorOptions.of(scale, seed, out);
        if (referrals != null) {
            options = options.withReferrals(referrals);
        }
        try {
            return HistoryGenerator.generate(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> rows(Path out, ImportFile file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(out.resolve(file.fileName()), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().equals(file.columns())) {
                throw new AssertionError(file.fileName() + " has header " + parser.getHeaderNames());
            }
            return parser.stream().map(CSVRecord::toMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One digest over every file, in a fixed order. */
    static String sha256(Path out) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ImportFile file : ImportFile.values()) {
                digest.update(file.fileName().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(out.resolve(file.fileName()))) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
