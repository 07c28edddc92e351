package org.wayfinder.projection.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a batch's statements to PostgreSQL in one round trip even when their SQL alternates, which a JDBC batch
 * of one prepared statement cannot. Each distinct SQL is prepared once per connection ({@code PREPARE}), and the
 * statements go as {@code EXECUTE name(literal, ...)} in one JDBC batch of a plain statement, so PostgreSQL plans
 * each SQL once and the client waits once. Arguments are rendered as quoted literals and take their types from
 * the prepared statement, as bound parameters would. Anything this cannot render, or any failure, leaves the
 * transaction as it was (savepoint) and the caller writes the ordinary way.
 */
final class PipelinedStatements {

    /** Per physical connection: SQL to the name it was prepared under. */
    private static final Map<Connection, Map<String, String>> PREPARED =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final AtomicLong NAMES = new AtomicLong();
    /** Distinct SQL per connection beyond which statements go the ordinary way rather than fill the session. */
    private static final int MAX_PREPARED = 500;

    private PipelinedStatements() {
    }

    /** True if the statements were executed; false if nothing was changed and the caller must execute them. */
    static boolean execute(Connection connection, List<String> statements, List<Object[]> arguments) throws SQLException {
        Connection pooled = connection instanceof org.springframework.jdbc.datasource.ConnectionProxy proxy
                ? proxy.getTargetConnection() : connection;
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, String> prepared = PREPARED.computeIfAbsent(physical, c -> new HashMap<>());
        if (prepared.size() > MAX_PREPARED) {
            return false;
        }
        if (!prepared.containsKey("")) {
            if (!standardConformingStrings(connection)) {
                return false;
            }
            prepared.put("", "");
        }
        List<String> batch = new ArrayList<>(statements.size() + 8);
        Map<String, String> newlyPrepared = new HashMap<>();
        StringBuilder call = new StringBuilder(256);
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            Object[] args = arguments.get(i);
            String name = prepared.get(sql);
            if (name == null) {
                name = newlyPrepared.get(sql);
            }
            if (name == null) {
                String numbered = numberPlaceholders(sql, args.length);
                if (numbered == null) {
                    return false;
                }
                name = "wayfinder_w" + NAMES.incrementAndGet();
                newlyPrepared.put(sql, name);
                batch.add("PREPARE " + name + " AS " + numbered);
            }
            call.setLength(0);
            call.append("EXECUTE ").append(name);
            if (args.length > 0) {
                call.append('(');
                for (int a = 0; a < args.length; a++) {
                    if (a > 0) {
                        call.append(", ");
                    }
                    if (!appendLiteral(call, args[a])) {
                        return false;
                    }
                }
                call.append(')');
            }
            batch.add(call.toString());
        }
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            for (String sql : batch) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
            connection.releaseSavepoint(savepoint);
            prepared.putAll(newlyPrepared);
            return true;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            // Whether a PREPARE of the failed batch survived is unknown: prepare under fresh names next time.
            PREPARED.remove(physical);
            return false;
        }
    }

    private static boolean standardConformingStrings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW standard_conforming_strings")) {
            return result.next() && "on".equalsIgnoreCase(result.getString(1));
        }
    }

    /** The SQL with its {@code ?} placeholders as {@code $1..$n}, or null if their count is not {@code expected}. */
    static String numberPlaceholders(String sql, int expected) {
        StringBuilder numbered = new StringBuilder(sql.length() + 16);
        int count = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                numbered.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                numbered.append(c);
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                return null;
            } else if (c == '?') {
                if (i + 1 < sql.length() && (sql.charAt(i + 1) == '|' || sql.charAt(i + 1) == '&')) {
                    return null;
                }
                numbered.append('$').append(++count);
            } else {
                numbered.append(c);
            }
        }
        return count == expected ? numbered.toString() : null;
    }

    /** Appends the value as an SQL literal of unknown type; false for a value it has no literal for. */
    static boolean appendLiteral(StringBuilder sql, Object value) throws SQLException {
        if (value == null) {
            sql.append("NULL");
            return true;
        }
        String text;
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof UUID || value instanceof java.sql.Date
                || value instanceof Temporal && !(value instanceof java.time.ZonedDateTime)) {
            text = value.toString();
        } else if (value instanceof java.sql.Timestamp timestamp) {
            text = timestamp.toInstant().toString();
        } else if (value instanceof Enum<?> constant) {
            text = constant.name();
        } else if (value instanceof byte[] bytes) {
            text = "\\x" + HexFormat.of().formatHex(bytes);
        } else if (value instanceof java.sql.Array array) {
            text = array.toString();
            if (text == null || !text.startsWith("{")) {
                return false;
            }
        } else {
            return false;
        }
        if (text.indexOf('\0') >= 0) {
            return false;
        }
        sql.append('\'').append(text.replace("'", "''")).append('\'');
        return true;
    }
}
