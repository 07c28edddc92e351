package org.wayfinder.app.projections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.support.MachineCpu;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;
import org.wayfinder.projection.rebuild.EventStream;

/**
 * The least a rebuild can cost on this machine, whatever computes the views. A rebuild must read and deserialise
 * every event ({@link #read}), and write every row of the views with their indexes ({@link #write}). The latter is
 * measured with the rows as they stand, copied out in PostgreSQL's binary format beforehand, then copied into
 * fresh tables of a schema of its own with {@code COPY} (no JDBC parameters, no SQL per row, no index while
 * loading) and the tables' indexes created afterwards from the live definitions, on as many threads as the machine
 * has cores. The schema is dropped again. Where the machine has a {@code /proc/stat}, both report the CPU that the
 * whole machine spent, PostgreSQL included.
 */
final class ReplayFloor {

    private static final String SCHEMA = "wayfinder_write_floor";

    /** A read of the whole store: rows/s from JDBC alone, then events/s deserialised, and that pass's CPU. */
    record Read(long events, double rowsPerSecond, double eventsPerSecond, double cpuSeconds) {
    }

    /** Wall time of loading and indexing, and the machine's busy CPU over it (-1 where unknown). */
    record Write(long rows, long bytes, double seconds, double cpuSeconds) {
    }

    private ReplayFloor() {
    }

    /** Reads events 1..head in batches of 5,000 twice: rows only, then deserialised as a rebuild's reader does. */
    static Read read(EventStream stream, long head) {
        long start = System.nanoTime();
        long rows = 0;
        for (long position = 0; position < head; ) {
            List<EventStream.Row> batch = stream.read(position, head, 5000, null);
            if (batch.isEmpty()) {
                break;
            }
            rows += batch.size();
            position = batch.get(batch.size() - 1).globalIndex();
        }
        double rowsPerSecond = rows / ((System.nanoTime() - start) / 1e9);
        double cpu = MachineCpu.busySeconds();
        start = System.nanoTime();
        long deserialised = 0;
        for (long position = 0; position < head; ) {
            List<EventStream.Row> batch = stream.read(position, head, 5000, null);
            if (batch.isEmpty()) {
                break;
            }
            for (TrackedEventMessage<?> message : stream.messages(batch)) {
                message.getPayload();
                message.getMetaData();
                deserialised++;
            }
            position = batch.get(batch.size() - 1).globalIndex();
        }
        double eventsPerSecond = deserialised / ((System.nanoTime() - start) / 1e9);
        double cpuAfter = MachineCpu.busySeconds();
        return new Read(deserialised, rowsPerSecond, eventsPerSecond, cpu < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpu);
    }

    /**
     * The rate no rebuild that reads and deserialises every event and writes these rows can beat here: the events
     * over the CPU of both, spread perfectly over the machine's cores. Null where the CPU is unknown.
     */
    static Double ceiling(long events, Read read, Write write, int cores) {
        if (read.cpuSeconds() < 0 || write.cpuSeconds() < 0) {
            return null;
        }
        return events / ((read.cpuSeconds() * events / read.events() + write.cpuSeconds()) / cores);
    }

    static Write write(JdbcTemplate jdbc, int threads) {
        List<String> tables = ProjectionCatalogue.ALL.stream().flatMap(projection -> projection.tables().stream())
                .sorted(Comparator.comparingLong((String table) -> size(jdbc, table)).reversed()).toList();
        Path directory;
        try {
            directory = Files.createTempDirectory("wayfinder-write-floor");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long rows = 0;
            long bytes = 0;
            for (String table : tables) {
                Path file = directory.resolve(table + ".bin");
                rows += copy(jdbc, "COPY public." + table + " TO STDOUT (FORMAT binary)", file, true);
                bytes += file.toFile().length();
            }
            jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            jdbc.execute("CREATE SCHEMA " + SCHEMA);
            for (String table : tables) {
                jdbc.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING DEFAULTS)");
            }
            ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tables);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            double cpuBefore = MachineCpu.busySeconds();
            long start = System.nanoTime();
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    workers.add(pool.submit(() -> {
                        for (String table = queue.poll(); table != null; table = queue.poll()) {
                            load(jdbc, table, directory.resolve(table + ".bin"));
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("Measuring the write floor failed", e);
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuAfter = MachineCpu.busySeconds();
            return new Write(rows, bytes, seconds, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
                Files.delete(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void load(JdbcTemplate jdbc, String table, Path file) {
        copy(jdbc, "COPY " + SCHEMA + "." + table + " FROM STDIN (FORMAT binary)", file, false);
        for (String definition : jdbc.queryForList(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?", String.class, table)) {
            jdbc.execute(definition.replace(" ON public.", " ON " + SCHEMA + "."));
        }
    }

    private static long copy(JdbcTemplate jdbc, String sql, Path file, boolean out) {
        Long rows = jdbc.execute((ConnectionCallback<Long>) connection -> {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                if (out) {
                    try (OutputStream target = Files.newOutputStream(file)) {
                        return copy.copyOut(sql, target);
                    }
                }
                try (InputStream source = Files.newInputStream(file)) {
                    return copy.copyIn(sql, source, 1 << 16);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return rows == null ? 0 : rows;
    }

    private static long size(JdbcTemplate jdbc, String table) {
        Long bytes = jdbc.queryForObject("SELECT pg_total_relation_size(?::regclass)", Long.class, "public." + table);
        return bytes == null ? 0 : bytes;
    }
}
