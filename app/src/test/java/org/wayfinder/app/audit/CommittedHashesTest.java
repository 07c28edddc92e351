package org.wayfinder.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommittedHashesTest {

    @Test
    void a_remembered_hash_serves_only_the_next_sequence_number() {
        HashChainingAppend.CommittedHashes hashes = new HashChainingAppend.CommittedHashes(10);
        hashes.remember("r-1", 3, "h3");

        assertThat(hashes.hashOf("r-1", 3)).isEqualTo("h3");
        assertThat(hashes.hashOf("r-1", 2)).isNull();
        assertThat(hashes.hashOf("r-1", 4)).isNull();
        assertThat(hashes.hashOf("r-2", 3)).isNull();
    }

    @Test
    void an_older_commit_arriving_late_does_not_replace_a_newer_one() {
        HashChainingAppend.CommittedHashes hashes = new HashChainingAppend.CommittedHashes(10);
        hashes.remember("r-1", 5, "h5");
        hashes.remember("r-1", 4, "h4");

        assertThat(hashes.hashOf("r-1", 5)).isEqualTo("h5");
        assertThat(hashes.hashOf("r-1", 4)).isNull();
    }

    @Test
    void the_least_recently_used_stream_is_forgotten_beyond_capacity() {
        HashChainingAppend.CommittedHashes hashes = new HashChainingAppend.CommittedHashes(2);
        hashes.remember("r-1", 0, "a");
        hashes.remember("r-2", 0, "b");
        hashes.hashOf("r-1", 0);
        hashes.remember("r-3", 0, "c");

        assertThat(hashes.hashOf("r-1", 0)).isEqualTo("a");
        assertThat(hashes.hashOf("r-2", 0)).isNull();
        assertThat(hashes.hashOf("r-3", 0)).isEqualTo("c");
    }

    @Test
    void a_capacity_of_zero_remembers_nothing() {
        HashChainingAppend.CommittedHashes hashes = new HashChainingAppend.CommittedHashes(0);
        hashes.remember("r-1", 0, "a");

        assertThat(hashes.enabled()).isFalse();
        assertThat(hashes.hashOf("r-1", 0)).isNull();
    }
}
