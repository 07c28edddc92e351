package org.wayfinder.app.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.command.history.generator.GeneratorOptions;
import org.wayfinder.command.history.generator.HistoryGenerator;
import org.wayfinder.command.history.generator.ImportFile;
import org.wayfinder.command.history.generator.Scale;

/**
 * On the first start with {@code wayfinder.demo-data.enabled=true} (the Quick start's run command sets
 * it), generates the seeded {@code demo} history and imports it through the ordinary import path, in the
 * background. Later starts find the demo import already recorded and skip it; an interrupted demo import
 * is resumed like any other.
 */
@Component
class DemoDataLoader {

    static final String DEMO_ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final boolean enabled;
    private final int referrals;
    private final JdbcTemplate jdbc;
    private final HistoryImportStore store;
    private final HistoryImports imports;

    DemoDataLoader(@Value("${wayfinder.demo-data.enabled:false}") boolean enabled,
                   @Value("${wayfinder.demo-data.referrals:5000}") int referrals, JdbcTemplate jdbc,
                   HistoryImportStore store, HistoryImports imports) {
        this.enabled = enabled;
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.store = store;
        this.imports = imports;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void loadOnFirstStart() throws IOException {
        if (!enabled) {
            return;
        }
        Integer earlier = jdbc.queryForObject("SELECT count(*) FROM history_import WHERE started_by = ?",
                Integer.class, DEMO_ACTOR);
        if (earlier != null && earlier > 0) {
            log.info("Demo data was loaded before; skipping it.");
            return;
        }
        String importId = UUID.randomUUID().toString();
        Path spool = imports.spoolDirectoryFor(importId);
        Files.createDirectories(spool);
        HistoryGenerator.Summary summary = HistoryGenerator.generate(
                GeneratorOptions.of(Scale.DEMO, GeneratorOptions.DEFAULT_SEED, spool).withReferrals(referrals));
        String files = Arrays.stream(ImportFile.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT))
                .sorted().collect(Collectors.joining(","));
        store.create(importId, DEMO_ACTOR, "ADMIN", "WAYFINDER", files, spool.toString(),
                imports.pauseProjectionsByDefault());
        imports.submit(importId);
        log.info("Loading demo data in the background (import {}): {}. Follow it at GET /api/imports/{}.",
                importId, summary.totalRows() + " rows generated", importId);
    }
}
