package org.wayfinder.command.history.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratingHistoryReproduciblyTest {

    @TempDir
    Path temp;

    @Test
    void the_same_seed_writes_byte_identical_files() {
        GeneratedFiles.generate(temp.resolve("first"), Scale.DEMO, 2019, 300);
        GeneratedFiles.generate(temp.resolve("second"), Scale.DEMO, 2019, 300);

        assertThat(GeneratedFiles.sha256(temp.resolve("second")))
                .isEqualTo(GeneratedFiles.sha256(temp.resolve("first")));
    }

    @Test
    void a_different_seed_writes_different_files() {
        GeneratedFiles.generate(temp.resolve("first"), Scale.DEMO, 2019, 300);
        GeneratedFiles.generate(temp.resolve("other"), Scale.DEMO, 2020, 300);

        assertThat(GeneratedFiles.sha256(temp.resolve("other")))
                .isNotEqualTo(GeneratedFiles.sha256(temp.resolve("first")));
    }

    @Test
    void the_requested_number_of_referrals_is_written() {
        HistoryGenerator.Summary summary = GeneratedFiles.generate(temp, Scale.DEMO, 7, 300);

        assertThat(summary.rows().get(ImportFile.REFERRALS)).isEqualTo(300);
        assertThat(GeneratedFiles.rows(temp, ImportFile.REFERRALS)).hasSize(300);
    }

    @Test
    void options_take_the_scale_defaults_unless_overridden() {
        GeneratorOptions options = GeneratorOptions.parse("--scale", "london-year", "--out", "x", "--seed", "5");

        assertThat(options.referrals()).isEqualTo(120_000);
        assertThat(options.from()).hasToString("2025-01-01");
        assertThat(options.to()).hasToString("2025-12-31");
        assertThat(options.seed()).isEqualTo(5);
        assertThat(GeneratorOptions.parse("--out", "x", "--referrals", "10", "--to", "2019-06-30"))
                .satisfies(o -> {
                    assertThat(o.referrals()).isEqualTo(10);
                    assertThat(o.to()).hasToString("2019-06-30");
                    assertThat(o.seed()).isEqualTo(GeneratorOptions.DEFAULT_SEED);
                });
        assertThatThrownBy(() -> GeneratorOptions.parse("--scale", "galaxy", "--out", "x"))
                .hasMessageContaining("Unknown scale");
    }
}
