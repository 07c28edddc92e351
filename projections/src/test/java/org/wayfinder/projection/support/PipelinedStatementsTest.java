package org.wayfinder.projection.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PipelinedStatementsTest {

    @Test
    void placeholders_are_numbered_outside_quotes() {
        assertThat(PipelinedStatements.numberPlaceholders(
                "UPDATE t SET a = ?, b = '?' WHERE c = ?::integer AND \"d?\" = ?", 3))
                .isEqualTo("UPDATE t SET a = $1, b = '?' WHERE c = $2::integer AND \"d?\" = $3");
    }

    @Test
    void a_placeholder_count_that_does_not_match_the_arguments_is_refused() {
        assertThat(PipelinedStatements.numberPlaceholders("UPDATE t SET a = ?", 2)).isNull();
    }

    @Test
    void sql_it_cannot_read_safely_is_refused() {
        assertThat(PipelinedStatements.numberPlaceholders("SELECT 1 -- ?\nWHERE a = ?", 1)).isNull();
        assertThat(PipelinedStatements.numberPlaceholders("SELECT j ?| ?", 1)).isNull();
    }

    @Test
    void values_become_quoted_literals() throws SQLException {
        assertThat(literal("O'Brien")).isEqualTo("'O''Brien'");
        assertThat(literal(42L)).isEqualTo("'42'");
        assertThat(literal(null)).isEqualTo("NULL");
        assertThat(literal(LocalDate.of(2024, 3, 31))).isEqualTo("'2024-03-31'");
        assertThat(literal(Timestamp.from(Instant.parse("2024-03-31T10:15:30.123Z"))))
                .isEqualTo("'2024-03-31T10:15:30.123Z'");
        assertThat(literal(new byte[] {1, (byte) 0xab})).isEqualTo("'\\x01ab'");
        assertThat(literal(Thread.State.NEW)).isEqualTo("'NEW'");
    }

    @Test
    void a_value_without_a_literal_form_is_refused() throws SQLException {
        assertThat(PipelinedStatements.appendLiteral(new StringBuilder(), new Object())).isFalse();
        assertThat(PipelinedStatements.appendLiteral(new StringBuilder(), "a\0b")).isFalse();
    }

    private static String literal(Object value) throws SQLException {
        StringBuilder sql = new StringBuilder();
        assertThat(PipelinedStatements.appendLiteral(sql, value)).isTrue();
        return sql.toString();
    }
}
