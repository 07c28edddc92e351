package org.wayfinder.query.exports;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.wayfinder.kernel.access.Actor;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.query.audit.AccessLog;
import org.wayfinder.query.audit.AccessPurpose;
import org.wayfinder.query.outcomes.OutcomeFilters;
import org.wayfinder.query.outcomes.OutcomeParameters;

/**
 * Pseudonymised evaluator exports: accepted at once, written in the background by one worker, row by row from a
 * database cursor to a spool file, so no export is ever held in memory. Every request and every download is in the
 * access log with who asked; the export's row keeps why.
 */
@Component
class EvaluatorExports {

    static final String RESOURCE_TYPE = "evaluator-export";

    private static final Logger LOG = LoggerFactory.getLogger(EvaluatorExports.class);
    private static final int FETCH_SIZE = 1000;
    private static final int PROGRESS_EVERY = 5000;

    /** An export as its status endpoint shows it. */
    record Status(String exportId, String kind, String state, String purpose, String exportKey,
                  @JsonRawValue String filters,
                  long rowsDone, Long rowsTotal, Double progress, String requestedBy, Instant requestedAt,
                  Instant startedAt, Instant finishedAt, Long fileBytes, String fileSha256, String file,
                  String error) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Pseudonyms pseudonyms;
    private final AccessLog accessLog;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path spool;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "evaluator-export");
        thread.setDaemon(true);
        return thread;
    });

    EvaluatorExports(JdbcTemplate jdbc, DataSource dataSource, Pseudonyms pseudonyms, AccessLog accessLog,
                     ObjectMapper json, Clock clock, ExportProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.pseudonyms = pseudonyms;
        this.accessLog = accessLog;
        this.json = json;
        this.clock = clock;
        this.spool = Path.of(properties.spoolDirectory());
    }

    /** An export cut short by a stop cannot resume its cursor; it fails and is asked for again. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        jdbc.update("UPDATE evaluator_export SET state = 'FAILED', error = ?, finished_at = ? "
                        + "WHERE state IN ('QUEUED', 'RUNNING')", "interrupted by a restart of the service; request it again",
                Timestamp.from(clock.instant()));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    Status request(ExportRequest request, Actor actor) {
        ExportKind kind = ExportKind.byParameter(request.kind()).orElseThrow();
        ExportRequest.Filters given = request.filters() == null
                ? new ExportRequest.Filters(null, null, null, null, null, null) : request.filters();
        OutcomeFilters filters = OutcomeParameters.filters(given.referredFrom(), given.referredTo(), given.cohort(),
                given.boroughGssCode(), given.icb(), given.need());
        String exportId = UUID.randomUUID().toString();
        String keyId = request.exportKey() == null ? "key-" + UUID.randomUUID() : request.exportKey();
        String filtersJson;
        try {
            filtersJson = json.writeValueAsString(given);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Filters cannot be written as JSON", e);
        }
        jdbc.update("""
                INSERT INTO evaluator_export (export_id, kind, purpose, export_key_id, filters, state, requested_by,
                                              requested_role, organisation, requested_at)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)""", exportId, kind.parameter(), request.purpose().strip(),
                keyId, filtersJson, actor.id(), actor.role(), actor.organisation(), Timestamp.from(clock.instant()));
        accessLog.record(AccessPurpose.EVALUATION, RESOURCE_TYPE, exportId, "export-requested", "accepted");
        worker.submit(() -> run(exportId, kind, keyId, filters));
        return find(exportId).orElseThrow();
    }

    /** The export, to the user who asked for it or an administrator; to anyone else it does not exist. */
    Status status(String exportId, Actor actor) {
        Status status = find(exportId).orElseThrow(EvaluatorExports::notFound);
        if (!status.requestedBy().equals(actor.id()) && !actor.is(Role.ADMIN)) {
            throw notFound();
        }
        return status;
    }

    /** The finished file, to the user who asked for it only; logged as a disclosure before it is sent. */
    Path file(String exportId, Actor actor) {
        Status status = find(exportId).filter(s -> s.requestedBy().equals(actor.id()))
                .orElseThrow(EvaluatorExports::notFound);
        if (!"DONE".equals(status.state())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "The export is " + status.state() + ", not DONE: its file is not ready.");
            problem.setTitle("Export not ready");
            problem.setProperty("state", status.state());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        Path file = spool.resolve(exportId + ".csv");
        if (!Files.exists(file)) {
            throw notFound();
        }
        accessLog.record(AccessPurpose.EVALUATION, RESOURCE_TYPE, exportId, "export-downloaded", "disclosed");
        return file;
    }

    String fileName(String exportId) {
        return find(exportId).map(s -> "wayfinder-" + s.kind() + "-" + exportId + ".csv").orElseThrow();
    }

    private void run(String exportId, ExportKind kind, String keyId, OutcomeFilters filters) {
        Path part = spool.resolve(exportId + ".csv.part");
        try {
            jdbc.update("UPDATE evaluator_export SET state = 'RUNNING', started_at = ? WHERE export_id = ?",
                    Timestamp.from(clock.instant()), exportId);
            ExportQueries.Statement count = ExportQueries.count(kind, filters);
            Long total = jdbc.queryForObject(count.sql(), Long.class, count.args());
            jdbc.update("UPDATE evaluator_export SET rows_total = ? WHERE export_id = ?", total, exportId);
            Files.createDirectories(spool);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long rows = write(exportId, kind, keyId, filters, part, sha256);
            Path file = spool.resolve(exportId + ".csv");
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            jdbc.update("""
                    UPDATE evaluator_export SET state = 'DONE', rows_done = ?, rows_total = ?, finished_at = ?,
                        file_bytes = ?, file_sha256 = ? WHERE export_id = ?""", rows, rows,
                    Timestamp.from(clock.instant()), Files.size(file), HexFormat.of().formatHex(sha256.digest()),
                    exportId);
        } catch (Exception e) {
            LOG.warn("Export {} failed: {}", exportId, e.getClass().getSimpleName());
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the failed state below is what matters
            }
            jdbc.update("UPDATE evaluator_export SET state = 'FAILED', finished_at = ?, error = ? WHERE export_id = ?",
                    Timestamp.from(clock.instant()), "the export could not be written (" + e.getClass().getSimpleName()
                            + "); request it again", exportId);
        }
    }

    /** Streams the rows through a server-side cursor (auto-commit off, fetch size set) into the CSV file. */
    private long write(String exportId, ExportKind kind, String keyId, OutcomeFilters filters, Path part,
                       MessageDigest sha256) throws Exception {
        Pseudonyms.Keyed keyed = pseudonyms.forKey(keyId);
        ExportQueries.Statement rows = ExportQueries.rows(kind, filters);
        long done = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha256);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(kind.header())
                     .setRecordSeparator("\n").get());
             Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(rows.sql())) {
                statement.setFetchSize(FETCH_SIZE);
                new ArgumentPreparedStatementSetter(rows.args()).setValues(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        csv.printRecord(ExportQueries.values(kind, rs, keyed));
                        if (++done % PROGRESS_EVERY == 0) {
                            jdbc.update("UPDATE evaluator_export SET rows_done = ? WHERE export_id = ?", done, exportId);
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
        return done;
    }

    private Optional<Status> find(String exportId) {
        List<Status> found = jdbc.query("SELECT * FROM evaluator_export WHERE export_id = ?", (rs, row) -> {
            long done = rs.getLong("rows_done");
            Long total = (Long) rs.getObject("rows_total");
            String state = rs.getString("state");
            return new Status(rs.getString("export_id"), rs.getString("kind"), state, rs.getString("purpose"),
                    rs.getString("export_key_id"), rs.getString("filters"), done, total,
                    total == null ? null : total == 0 ? 1.0 : Math.round(1000.0 * done / total) / 1000.0,
                    rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
                    instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                    (Long) rs.getObject("file_bytes"), rs.getString("file_sha256"),
                    "DONE".equals(state) ? "/api/exports/" + exportId + "/file" : null, rs.getString("error"));
        }, exportId);
        return found.stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such export.");
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
