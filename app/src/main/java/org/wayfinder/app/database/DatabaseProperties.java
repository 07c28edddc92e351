package org.wayfinder.app.database;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Wayfinder's PostgreSQL is. With no {@code url}, Wayfinder starts an embedded PostgreSQL whose
 * data lives in {@code embeddedDataDirectory} (a fresh temporary one when that is blank), started with
 * {@code embeddedSettings} on top of its defaults (which include {@code synchronous_commit=off}).
 */
@ConfigurationProperties("wayfinder.database")
public record DatabaseProperties(
        String url,
        @DefaultValue("wayfinder") String username,
        @DefaultValue("wayfinder") String password,
        @DefaultValue("20") int poolSize,
        @DefaultValue("2000") long connectionTimeoutMillis,
        String embeddedDataDirectory,
        Map<String, String> embeddedSettings) {

    public DatabaseProperties {
        embeddedSettings = embeddedSettings == null ? Map.of() : Map.copyOf(embeddedSettings);
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
