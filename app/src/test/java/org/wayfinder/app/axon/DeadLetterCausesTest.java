package org.wayfinder.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The cause kept with a dead letter names the failure without repeating the values it quotes. */
class DeadLetterCausesTest {

    @Test
    void quoted_values_are_replaced() {
        assertThat(DeadLetterCauses.withoutValues(new IllegalStateException(
                "Cannot read note \"Jane Doe, 12 Acacia Avenue\" or 'E9 5PF'")))
                .isEqualTo("Cannot read note \"…\" or \"…\"");
    }

    @Test
    void postgresql_details_and_key_values_are_dropped() {
        SQLException sql = new SQLException("ERROR: duplicate key value violates unique constraint \"person_pk\"\n"
                + "  Detail: Key (person_id)=(Jane Doe) already exists.");
        assertThat(DeadLetterCauses.withoutValues(new DataIntegrityViolationException(null, sql)))
                .isEqualTo("ERROR: duplicate key value violates unique constraint \"…\"");
        assertThat(DeadLetterCauses.withoutValues(new IllegalArgumentException("Key (nhs)=(9434765919) is bad")))
                .isEqualTo("Key (nhs)=(…) is bad");
    }

    @Test
    void long_messages_are_cut_and_missing_ones_are_empty() {
        assertThat(DeadLetterCauses.withoutValues(new IllegalStateException("x".repeat(1000))))
                .hasSize(DeadLetterCauses.MAX_LENGTH).endsWith("…");
        assertThat(DeadLetterCauses.withoutValues(new NullPointerException())).isEmpty();
    }
}
