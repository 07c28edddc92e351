package org.wayfinder.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Wayfinder's PostgreSQL is. With no {@code url}, Wayfinder starts an embedded PostgreSQL whose
 * data lives in {@code embeddedDataDirectory} (a fresh temporary one when that is blank).
 */
@ConfigurationProperties("wayfinder.database")
public record DatabaseProperties(
        String url,
        @DefaultValue("wayfinder") String username,
        @DefaultValue("wayfinder") String password,
        @DefaultValue("10") int poolSize,
        @DefaultValue("2000") long connectionTimeoutMillis,
        String embeddedDataDirectory) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
