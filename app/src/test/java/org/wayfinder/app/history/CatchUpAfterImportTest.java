package org.wayfinder.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatchUpAfterImportTest {

    @Test
    void projections_far_behind_are_rebuilt_and_others_catch_up() {
        // london-year into an empty store: every event is behind.
        assertThat(CatchUpAfterImport.rebuild(1_288_137, 1_288_137, 50_000, 0.2)).isTrue();
        // A small import into a large store: catching up reads far less than a rebuild would.
        assertThat(CatchUpAfterImport.rebuild(60_000, 1_288_137, 50_000, 0.2)).isFalse();
        // A small store: too few events for a rebuild to pay off.
        assertThat(CatchUpAfterImport.rebuild(40_000, 45_000, 50_000, 0.2)).isFalse();
        assertThat(CatchUpAfterImport.rebuild(50_000, 250_000, 50_000, 0.2)).isTrue();
        // Switched off.
        assertThat(CatchUpAfterImport.rebuild(1_288_137, 1_288_137, 0, 0.2)).isFalse();
    }
}
