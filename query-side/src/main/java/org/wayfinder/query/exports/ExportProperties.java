package org.wayfinder.query.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where export files are spooled, and the master secret every export key is derived from.
 *
 * @param masterSecret   at least 32 characters; when blank, a random one is created once in the spool directory
 *                       (readable by the service's user only), so pseudonyms stay stable across restarts
 * @param spoolDirectory export files and, without a configured secret, the generated one
 */
@ConfigurationProperties("wayfinder.exports")
record ExportProperties(String masterSecret, String spoolDirectory) {

    @Override
    public String toString() {
        return "ExportProperties[masterSecret=redacted, spoolDirectory=" + spoolDirectory + "]";
    }
}
