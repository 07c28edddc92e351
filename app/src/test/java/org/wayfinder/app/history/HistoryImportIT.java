package org.wayfinder.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.command.history.ImportCsv;
import org.wayfinder.command.history.generator.GeneratorOptions;
import org.wayfinder.command.history.generator.HistoryGenerator;
import org.wayfinder.command.history.generator.ImportFile;
import org.wayfinder.kernel.access.Role;

/**
 * The history import end to end: generated files over HTTP, events in PostgreSQL, errors and re-imports. Any
 * import that paused the projections here is followed by a rebuild of them all, however few events it added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wayfinder.import.rebuild-after-pause.min-events=1", "wayfinder.import.rebuild-after-pause.share=0",
        "wayfinder.import.max-upload-size=8MB",
        // Few aggregates kept between chunks, so later passes read most streams back, a chunk's in one query.
        "wayfinder.import.aggregates-in-memory=50"})
@SuppressWarnings("rawtypes")
class HistoryImportIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    HistoryImports imports;
    @Autowired
    HistoryImportStore store;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void a_generated_history_lands_once_however_often_it_is_imported(@TempDir Path out) throws IOException {
        LocalDate to = LocalDate.now(ZoneId.of("Europe/London")).minusDays(30);
        HistoryGenerator.generate(new GeneratorOptions(7, 30, to.minusYears(3), to, out, false));
        Map<String, Long> expected = expectedEvents(out);

        String importId = startImport(allFiles(out));
        Map status = awaitDone(importId);

        assertThat(status.get("rowsRejected")).isEqualTo(0);
        assertThat(status.get("rowsSkipped")).isEqualTo(0);
        assertThat(((Number) status.get("rowsDone")).longValue()).isEqualTo(((Number) status.get("rowsTotal")).longValue());
        assertThat(eventsBySource(importId)).isEqualTo(expected);
        assertThat(((Number) status.get("eventsAppended")).longValue())
                .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(status.get("eventsPerSecond")).isNotNull();
        // Events get time-ordered (version 7) identifiers, so the event table's unique index grows at one end.
        assertThat(jdbc.queryForList("SELECT DISTINCT substr(event_identifier, 15, 1) FROM domain_event_entry "
                + "WHERE convert_from(meta_data, 'UTF8') LIKE ?", String.class, "%import:" + importId + "%"))
                .containsExactly("7");
        assertThat(jdbc.queryForList("SELECT DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'actorId' "
                + "FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8') LIKE ?", String.class,
                "%import:" + importId + "%")).containsExactly("importer-admin");

        long eventsBefore = eventCount();
        String again = startImport(allFiles(out));
        Map second = awaitDone(again);

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(second.get("rowsDone")).isEqualTo(0);
        assertThat(second.get("rowsRejected")).isEqualTo(0);
        assertThat(((Number) second.get("rowsSkipped")).longValue())
                .isEqualTo(((Number) status.get("rowsTotal")).longValue());
    }

    @Test
    void with_the_projections_paused_the_views_are_rebuilt_and_complete_once_current(@TempDir Path out)
            throws IOException {
        LocalDate to = LocalDate.now(ZoneId.of("Europe/London")).minusDays(30);
        HistoryGenerator.generate(new GeneratorOptions(11, 20, to.minusYears(2), to, out, false));
        List<String> referrals = new java.util.ArrayList<>();
        ImportCsv.forEachRow(ImportFile.REFERRALS, out.resolve("referrals.csv"),
                row -> referrals.add(row.optional("referral_id").orElseThrow()));

        ResponseEntity<Map> accepted = post(allFiles(out), Role.ADMIN, "?pauseProjections=true");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = (String) accepted.getBody().get("importId");
        Map status = awaitDone(importId);

        assertThat(status).containsEntry("pauseProjections", true);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> "CURRENT".equals(
                http.exchange("/api/imports/" + importId, HttpMethod.GET, new HttpEntity<>(headers(Role.ADMIN)),
                        Map.class).getBody().get("views")));
        assertThat(streamingProcessors()).isNotEmpty().allMatch(StreamingEventProcessor::isRunning);
        // The views came from a rebuild of every projection, requested by the import, not from a catch-up.
        assertThat(jdbc.queryForList("SELECT state FROM projection_rebuild WHERE requested_by = ?", String.class,
                "import:" + importId)).containsExactly("caught-up");
        Object ids = referrals.toArray(String[]::new);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM referral_summary WHERE referral_id = ANY (?::varchar[])",
                Long.class, ids)).isPositive().isEqualTo(jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) "
                + "FROM domain_event_entry WHERE aggregate_identifier = ANY (?::varchar[])", Long.class, ids));
        assertThat(jdbc.queryForObject("SELECT max(global_index) - min(global_index) + 1 - count(*) "
                + "FROM domain_event_entry", Long.class)).isZero();
    }

    @Test
    void live_commands_during_an_import_become_visible_only_after_the_events_before_them(@TempDir Path out)
            throws Exception {
        LocalDate to = LocalDate.now(ZoneId.of("Europe/London")).minusDays(30);
        HistoryGenerator.generate(new GeneratorOptions(13, 600, to.minusYears(2), to, out, false));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong liveCommands = new AtomicLong();
        List<long[]> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread live = new Thread(() -> {
            while (running.get()) {
                ResponseEntity<Map> registered = http.exchange("/api/providers", HttpMethod.POST,
                        new HttpEntity<>(Map.of("name", "Live Walks", "description", "Registered during an import",
                                "boroughsServed", List.of("E09000007"), "registeredOn", "2026-01-05"),
                                headers(Role.ADMIN)), Map.class);
                assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                liveCommands.incrementAndGet();
            }
        });
        // Reads what a tracking processor would see: how many events are visible up to the highest index.
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                jdbc.query("SELECT count(*), coalesce(max(global_index), 0) FROM domain_event_entry",
                        rs -> {
                            seen.add(new long[] {rs.getLong(1), rs.getLong(2)});
                        });
            }
        });
        live.start();
        watcher.start();
        try {
            awaitDone(startImport(allFiles(out)));
        } finally {
            running.set(false);
            live.join();
            watcher.join();
        }

        assertThat(liveCommands.get()).isPositive();
        assertThat(seen).hasSizeGreaterThan(10);
        // An event committed after a reading but numbered below that reading's highest index was a gap then, which
        // closed later: every processor reading at that moment would have had to track it.
        Long[] counts = seen.stream().map(s -> s[0]).toArray(Long[]::new);
        Long[] highest = seen.stream().map(s -> s[1]).toArray(Long[]::new);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM unnest(?::bigint[], ?::bigint[]) AS seen(n, upto) "
                + "WHERE n <> (SELECT count(*) FROM domain_event_entry WHERE global_index <= upto)", Long.class,
                counts, highest)).isZero();
    }

    @Test
    void an_import_that_does_not_ask_leaves_the_projections_running(@TempDir Path out) throws IOException {
        Path providers = write(out, "providers.csv", String.join(",", ImportFile.PROVIDERS.columns()),
                "it-live-1,aaaaaaaa-0000-4000-8000-000000000011,Live Walks,E09000007,2021-03-01");

        Map status = awaitDone(startImport(Map.of("providers", providers)));

        assertThat(status).containsEntry("pauseProjections", false);
        assertThat(streamingProcessors()).allMatch(StreamingEventProcessor::isRunning);
        assertThat(post(Map.of("providers", providers), Role.ADMIN, "?pauseProjections=soon").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return eventProcessing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    @Test
    void bad_rows_are_listed_with_line_and_reason_while_the_others_land(@TempDir Path out) throws IOException {
        String london = "aaaaaaaa-0000-4000-8000-000000000001";
        String wales = "aaaaaaaa-0000-4000-8000-000000000002";
        String badDate = "aaaaaaaa-0000-4000-8000-000000000003";
        String lastGood = "aaaaaaaa-0000-4000-8000-000000000004";
        Path providers = write(out, "providers.csv", String.join(",", ImportFile.PROVIDERS.columns()),
                "it-bad-1," + london + ",Good Neighbours,E09000007|E09000019,2021-03-01",
                "it-bad-2," + wales + ",Cardiff Friends,W06000015,2021-03-01",
                "it-bad-3," + badDate + ",Calendar Club,E09000007,2021-02-30",
                "it-bad-4," + lastGood + ",Hackney Walks,E09000012,2022-05-10");

        String importId = startImport(Map.of("providers", providers));
        Map status = awaitDone(importId);

        assertThat(status).containsEntry("rowsDone", 2).containsEntry("rowsRejected", 2).containsEntry("rowsTotal", 4);
        Map page = http.exchange("/api/imports/" + importId + "/errors", HttpMethod.GET,
                new HttpEntity<>(headers(Role.ADMIN)), Map.class).getBody();
        assertThat(page).containsEntry("total", 2);
        List<Map> errors = (List<Map>) page.get("errors");
        assertThat(errors).extracting(e -> e.get("lineNumber")).containsExactly(3, 4);
        assertThat(errors.get(0)).containsEntry("sourceKey", "it-bad-2").containsEntry("fileKind", "PROVIDERS");
        assertThat((String) errors.get(0).get("reason")).contains("London borough").contains("borough-not-in-london");
        assertThat((String) errors.get(1).get("reason")).isEqualTo("Column 'registered_on' must be a date as YYYY-MM-DD.");
        assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier "
                + "IN (?, ?, ?, ?)", String.class, london, wales, badDate, lastGood))
                .containsExactlyInAnyOrder(london, lastGood);

        ResponseEntity<String> csv = http.exchange("/api/imports/" + importId + "/errors?format=csv", HttpMethod.GET,
                new HttpEntity<>(headers(Role.EVALUATOR)), String.class);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("file_kind,line_number,source_key,stage,reason");
        assertThat(lines[2]).startsWith("PROVIDERS,4,it-bad-3,PROVIDERS,").doesNotContain("2021-02-30");
    }

    @Test
    void a_row_creating_a_stream_that_exists_is_refused_while_the_chunks_around_it_land(@TempDir Path out)
            throws IOException {
        // Stored first by another import, under another source key: only the database can tell the second import.
        String existing = "dddddddd-0000-4000-8000-000000000000";
        Path first = write(out, "providers.csv", String.join(",", ImportFile.PROVIDERS.columns()),
                "it-exists-0," + existing + ",First Import,E09000007,2021-03-01");
        awaitDone(startImport(Map.of("providers", first)));

        // More rows than one chunk: the chunk holding the existing stream fails to store while the next one has
        // been handled in memory, and both are applied again around the refused row.
        int rows = HistoryImportRunner.CHUNK_ROWS * 2 + 500;
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.join(",", ImportFile.PROVIDERS.columns()));
        for (int i = 1; i <= rows; i++) {
            String id = i == 10 ? existing : String.format("dddddddd-0000-4000-8000-%012d", i);
            String date = i == HistoryImportRunner.CHUNK_ROWS + 100 ? "2021-02-30" : "2021-03-01";
            lines.add("it-exists-" + i + "," + id + ",Provider " + i + ",E09000007," + date);
        }
        Path second = write(Files.createDirectories(out.resolve("second")), "providers.csv", lines.toArray(String[]::new));
        String importId = startImport(Map.of("providers", second));
        Map status = awaitDone(importId);

        assertThat(status).containsEntry("rowsDone", rows - 2).containsEntry("rowsRejected", 2)
                .containsEntry("eventsAppended", rows - 2);
        List<Map> errors = (List<Map>) http.exchange("/api/imports/" + importId + "/errors", HttpMethod.GET,
                new HttpEntity<>(headers(Role.ADMIN)), Map.class).getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("lineNumber")).containsExactly(11, HistoryImportRunner.CHUNK_ROWS + 101);
        assertThat((String) errors.get(0).get("reason")).contains("already exists");
        // Every other provider once, the existing one still only from the first import.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier "
                + "LIKE 'dddddddd-0000-4000-8000-%'", Long.class)).isEqualTo(rows - 1L);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE "
                + "aggregate_identifier LIKE 'dddddddd-0000-4000-8000-%'", Long.class)).isEqualTo(rows - 1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM history_import_row WHERE import_id = ?", Long.class,
                importId)).isEqualTo(rows - 2L);
    }

    @Test
    void a_file_with_the_wrong_header_is_refused_whole(@TempDir Path out) throws IOException {
        Path providers = write(out, "providers.csv", String.join(",", ImportFile.PROVIDERS.columns()),
                "it-header-1,bbbbbbbb-0000-4000-8000-000000000001,Good Neighbours,E09000007,2021-03-01");
        Path people = write(out, "people.csv", "source_key,person_id,name", "it-header-2,x,y");
        long importsBefore = jdbc.queryForObject("SELECT count(*) FROM history_import", Long.class);

        ResponseEntity<Map> refused = post(Map.of("providers", providers, "people", people), Role.EVALUATOR);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).containsEntry("part", "people");
        assertThat((String) refused.getBody().get("detail")).contains(String.join(",", ImportFile.PEOPLE.columns()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM history_import", Long.class)).isEqualTo(importsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "bbbbbbbb-0000-4000-8000-000000000001")).isZero();
    }

    @Test
    void an_idempotency_key_on_an_upload_over_a_mebibyte_is_ignored_not_refused(@TempDir Path out) throws IOException {
        String[] lines = new String[15_001];
        lines[0] = String.join(",", ImportFile.PROVIDERS.columns());
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "it-idem-" + i + ",not-a-uuid-" + i + ",Provider number " + i + " of a large file,E09000007,2021-03-01";
        }
        Path providers = write(out, "providers.csv", lines);
        assertThat(java.nio.file.Files.size(providers)).isGreaterThan(1024 * 1024);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("providers", new FileSystemResource(providers));
        HttpHeaders headers = headers(Role.ADMIN);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("Idempotency-Key", java.util.UUID.randomUUID().toString());

        ResponseEntity<Map> accepted = http.exchange("/api/imports", HttpMethod.POST, new HttpEntity<>(parts, headers),
                Map.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map status = awaitDone((String) accepted.getBody().get("importId"));
        assertThat(status).containsEntry("rowsTotal", 15_000).containsEntry("rowsRejected", 15_000);
    }

    @Test
    void an_upload_announced_over_the_configured_limit_is_refused_with_413_before_it_is_read() throws IOException {
        long importsBefore = jdbc.queryForObject("SELECT count(*) FROM history_import", Long.class);
        String response;
        // Headers only: the refusal must come from the announced length, without reading a byte of the body.
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/imports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + headers(Role.ADMIN).getFirst(HttpHeaders.AUTHORIZATION).substring(7)
                    + "\r\nContent-Type: multipart/form-data; boundary=limit\r\n"
                    + "Content-Length: " + (8L * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; !received.toString(StandardCharsets.UTF_8).endsWith("}")
                        && (n = socket.getInputStream().read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                // whatever arrived is checked below
            }
            response = received.toString(StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("larger than " + (8L * 1024 * 1024) + " bytes");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM history_import", Long.class)).isEqualTo(importsBefore);
    }

    @Test
    void an_import_left_running_is_resumed_without_applying_again_what_it_applied_before() throws IOException {
        String importId = java.util.UUID.randomUUID().toString();
        String appliedBefore = "cccccccc-0000-4000-8000-000000000001";
        String notYet = "cccccccc-0000-4000-8000-000000000002";
        Path spool = Files.createDirectories(imports.spoolDirectoryFor(importId));
        write(spool, "providers.csv", String.join(",", ImportFile.PROVIDERS.columns()),
                "it-resume-1," + appliedBefore + ",Before The Stop,E09000007,2021-03-01",
                "it-resume-2," + notYet + ",After The Stop,E09000007,2021-03-01");
        store.create(importId, "importer-admin", "ADMIN", "QIMP", "providers", spool.toString());
        store.start(importId);
        // The stopped attempt had applied the first row; the ledger is all that says so.
        jdbc.update("INSERT INTO history_import_row (source_key, import_id, kind, events, applied_at) "
                + "VALUES ('it-resume-1', ?, 'PROVIDERS', 1, now())", importId);

        imports.resumeUnfinished();
        Map status = awaitDone(importId);

        assertThat(status).containsEntry("rowsDone", 2).containsEntry("rowsSkipped", 0)
                .containsEntry("eventsAppended", 2);
        assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier "
                + "IN (?, ?)", String.class, appliedBefore, notYet)).containsExactly(notYet);
        assertThat(spool).doesNotExist();
    }

    private String startImport(Map<String, Path> files) {
        ResponseEntity<Map> accepted = post(files, Role.ADMIN);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = (String) accepted.getBody().get("importId");
        assertThat(accepted.getBody()).containsEntry("status", "/api/imports/" + importId);
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/imports/" + importId);
        return importId;
    }

    private ResponseEntity<Map> post(Map<String, Path> files, Role role) {
        return post(files, role, "");
    }

    private ResponseEntity<Map> post(Map<String, Path> files, Role role, String query) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, path) -> parts.add(name, new FileSystemResource(path)));
        HttpHeaders headers = headers(role);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/imports" + query, HttpMethod.POST, new HttpEntity<>(parts, headers), Map.class);
    }

    private Map awaitDone(String importId) {
        Map[] last = new Map[1];
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = http.exchange("/api/imports/" + importId, HttpMethod.GET,
                    new HttpEntity<>(headers(Role.ADMIN)), Map.class).getBody();
            assertThat(last[0].get("state")).isNotEqualTo("FAILED");
            return "DONE".equals(last[0].get("state"));
        });
        return last[0];
    }

    private HttpHeaders headers(Role role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.mint("importer-" + role.name().toLowerCase(), role, "QIMP",
                Duration.ofMinutes(30)));
        return headers;
    }

    private Map<String, Long> eventsBySource(String importId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT substring(payload_type from '[^.]*$') AS type, count(*) AS n FROM domain_event_entry "
                + "WHERE convert_from(meta_data, 'UTF8') LIKE ? GROUP BY 1", rs -> {
            counts.put(rs.getString("type"), rs.getLong("n"));
        }, "%import:" + importId + "%");
        return counts;
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** What the files say should be recorded, one event per fact. */
    private static Map<String, Long> expectedEvents(Path out) throws IOException {
        Map<String, AtomicLong> counts = new HashMap<>();
        java.util.function.BiConsumer<String, Boolean> count = (type, present) -> {
            if (present) {
                counts.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
            }
        };
        ImportCsv.forEachRow(ImportFile.PEOPLE, out.resolve("people.csv"), row -> {
            count.accept("PersonRegistered", true);
            count.accept("PersonMergedInto", row.optional("merged_into_person_id").isPresent());
            count.accept("PersonErased", row.optional("erased_on").isPresent());
        });
        ImportCsv.forEachRow(ImportFile.PROVIDERS, out.resolve("providers.csv"),
                row -> count.accept("ProviderRegistered", true));
        ImportCsv.forEachRow(ImportFile.ACTIVITIES, out.resolve("activities.csv"),
                row -> count.accept("ActivityRegistered", true));
        ImportCsv.forEachRow(ImportFile.REFERRALS, out.resolve("referrals.csv"), row -> {
            count.accept("ReferralReceived", true);
            count.accept("ReferralAccepted", row.optional("accepted_on").isPresent());
            count.accept("FirstContactMade", row.optional("first_contact_on").isPresent());
            count.accept("ReferralDeclined", row.optional("declined_on").isPresent());
            count.accept("NeedsAssessed", row.optional("assessed_on").isPresent());
            count.accept("ReferralClosed", row.optional("closed_on").isPresent());
        });
        ImportCsv.forEachRow(ImportFile.CONNECTIONS, out.resolve("connections.csv"),
                row -> count.accept("ConnectedToActivity", true));
        ImportCsv.forEachRow(ImportFile.ATTENDANCES, out.resolve("attendances.csv"),
                row -> count.accept("AttendanceRecorded", true));
        ImportCsv.forEachRow(ImportFile.WELLBEING, out.resolve("wellbeing.csv"),
                row -> count.accept("WellbeingMeasured", true));
        Map<String, Long> expected = new HashMap<>();
        counts.forEach((type, n) -> expected.put(type, n.get()));
        return expected;
    }

    private static Map<String, Path> allFiles(Path out) {
        Map<String, Path> files = new HashMap<>();
        for (ImportFile kind : ImportFile.values()) {
            files.put(kind.name().toLowerCase(), out.resolve(kind.fileName()));
        }
        return files;
    }

    private static Path write(Path directory, String name, String... lines) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
