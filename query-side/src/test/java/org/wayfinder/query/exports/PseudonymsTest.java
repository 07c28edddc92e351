package org.wayfinder.query.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {

    private static final String SECRET = "a-master-secret-of-at-least-32-characters";

    @TempDir
    Path spool;

    @Test
    void the_same_key_gives_the_same_pseudonym_and_another_key_another() {
        Pseudonyms pseudonyms = new Pseudonyms(new ExportProperties(SECRET, spool.toString()));
        String once = pseudonyms.forKey("study-a").person("p-1");
        assertThat(once).matches("[0-9a-f]{32}");
        assertThat(new Pseudonyms(new ExportProperties(SECRET, spool.toString())).forKey("study-a").person("p-1"))
                .isEqualTo(once);
        assertThat(pseudonyms.forKey("study-b").person("p-1")).isNotEqualTo(once);
        assertThat(pseudonyms.forKey("study-a").person("p-2")).isNotEqualTo(once);
        assertThat(pseudonyms.forKey("study-a").referral("p-1")).isNotEqualTo(once);
        assertThat(new Pseudonyms(new ExportProperties(SECRET + "x", spool.toString())).forKey("study-a")
                .person("p-1")).isNotEqualTo(once);
    }

    @Test
    void without_a_configured_secret_one_is_made_once_and_kept() throws Exception {
        String first = new Pseudonyms(new ExportProperties("", spool.toString())).forKey("k").person("p");
        assertThat(Files.readString(spool.resolve("master-secret"))).hasSize(64);
        assertThat(new Pseudonyms(new ExportProperties(null, spool.toString())).forKey("k").person("p"))
                .isEqualTo(first);
        assertThat(Files.list(spool)).hasSize(1);
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> new Pseudonyms(new ExportProperties("short", spool.toString())))
                .isInstanceOf(IllegalStateException.class);
    }
}
