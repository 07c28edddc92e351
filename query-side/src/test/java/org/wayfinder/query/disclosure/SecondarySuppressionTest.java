package org.wayfinder.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondarySuppressionTest {

    private static final SuppressionPolicy NHS = SuppressionPolicy.NHS_ENGLAND;

    @Test
    void a_lone_suppressed_cell_takes_the_next_smallest_non_zero_cell_with_it() {
        // Boroughs 3, 0, 40, 12, 25 (total 80): 3 is primary; 0 cannot hide anything; 12 is next smallest.
        boolean[] hidden = SecondarySuppression.oneWay(NHS, new long[] {3, 0, 40, 12, 25});
        assertThat(hidden).containsExactly(true, false, false, true, false);
    }

    @Test
    void two_suppressed_cells_already_protect_each_other() {
        boolean[] hidden = SecondarySuppression.oneWay(NHS, new long[] {3, 5, 40, 12});
        assertThat(hidden).containsExactly(true, true, false, false);
    }

    @Test
    void nothing_small_means_nothing_hidden() {
        boolean[] hidden = SecondarySuppression.oneWay(NHS, new long[] {0, 8, 40});
        assertThat(hidden).containsExactly(false, false, false);
    }

    @Test
    void the_threshold_of_the_policy_decides_the_primary_cells() {
        boolean[] hidden = SecondarySuppression.oneWay(SuppressionPolicy.UNDER_5, new long[] {6, 4, 30, 9});
        assertThat(hidden).containsExactly(true, true, false, false);
    }

    @Test
    void two_way_tables_are_protected_along_rows_and_columns() {
        // rows: months; columns: sources.
        //   20  2  30
        //   15 40  50
        //   60 70  80
        // (0,1)=2 is primary. Row 0: next smallest is 20 at (0,0). Column 1: next smallest 40 at (1,1).
        // Then column 0 has (0,0) alone hidden: next smallest 15 at (1,0); row 1 now has (1,0) and (1,1): fine.
        boolean[][] hidden = SecondarySuppression.twoWay(NHS, new long[][] {{20, 2, 30}, {15, 40, 50}, {60, 70, 80}});
        assertThat(hidden[0]).containsExactly(true, true, false);
        assertThat(hidden[1]).containsExactly(true, true, false);
        assertThat(hidden[2]).containsExactly(false, false, false);
    }
}
