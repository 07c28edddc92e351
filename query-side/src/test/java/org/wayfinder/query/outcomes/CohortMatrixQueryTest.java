package org.wayfinder.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.wayfinder.query.outcomes.CohortMatrixQuery.Column;

class CohortMatrixQueryTest {

    @Test
    void the_default_time_points_are_the_baseline_and_four_periods_in_days() {
        assertThat(CohortMatrixQuery.columns(CohortMatrixQuery.DEFAULT_TIME_POINTS)).containsExactly(
                new Column("baseline", true, 0, 0), new Column("0-8", false, 0, 8), new Column("8-16", false, 8, 16),
                new Column("16-26", false, 16, 26), new Column("26-52", false, 26, 52));
        Column column = CohortMatrixQuery.columns("8-16").get(0);
        assertThat(column.fromDays()).isEqualTo(56);
        assertThat(column.toDaysExclusive()).isEqualTo(112);
    }

    @Test
    void overlapping_reversed_or_malformed_periods_are_refused() {
        for (String bad : new String[] {"0-8,4-12", "8-4", "8", "a-b", "baseline,baseline", "0-521", ""}) {
            assertThatThrownBy(() -> CohortMatrixQuery.columns(bad)).as(bad)
                    .isInstanceOf(ErrorResponseException.class);
        }
    }
}
