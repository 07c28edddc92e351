package org.wayfinder.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: a configured PostgreSQL server, or, when no URL is set, an embedded PostgreSQL
 * started with the application and stopped with it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedDatabase.none();
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // A new cluster sorts text by code point, as the C.UTF-8 of the C library does, but with PostgreSQL's own
            // provider, which compares bytes instead of calling the library for every comparison (every index
            // lookup and sort on an identifier). A data directory created earlier keeps the locale it was made with.
            builder.setLocaleConfig("locale-provider", "builtin").setLocaleConfig("builtin-locale", "C.UTF-8");
            // The server stops when the application context closes this bean, after the processors have stopped and
            // requests have finished; a shutdown hook of its own would stop it at once, under their feet.
            builder.setRegisterShutdownHook(false);
            properties.embeddedSettings().forEach(builder::setServerConfig);
            String directory = properties.embeddedDataDirectory();
            if (directory != null && !directory.isBlank()) {
                Path dataDirectory = Path.of(directory).toAbsolutePath();
                Files.createDirectories(dataDirectory.getParent());
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
                log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
            } else {
                log.info("Starting embedded PostgreSQL in a temporary directory");
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start", e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        EmbeddedDatabase database = embedded.getObject();
        if (database.server() != null) {
            config.setJdbcUrl(database.server().getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        config.setPoolName("wayfinder");
        // A JDBC batch of inserts goes to PostgreSQL as multi-row inserts: the event store's appends and
        // the projections' batched writes are sent as a few statements instead of one per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(properties.connectionTimeoutMillis());
        return new HikariDataSource(config);
    }

    /** The embedded server when one runs; {@code server()} is null when a URL is configured. */
    record EmbeddedDatabase(EmbeddedPostgres server) implements AutoCloseable {

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
