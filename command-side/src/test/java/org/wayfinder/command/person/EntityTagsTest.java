package org.wayfinder.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class EntityTagsTest {

    @Test
    void a_version_is_a_quoted_entity_tag() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void if_match_names_the_expected_version_strong_weak_or_bare() {
        assertThat(EntityTags.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(EntityTags.expectedVersion("W/\"3\"")).isEqualTo(3L);
        assertThat(EntityTags.expectedVersion("3")).isEqualTo(3L);
    }

    @Test
    void no_if_match_or_a_star_sets_no_precondition() {
        assertThat(EntityTags.expectedVersion(null)).isNull();
        assertThat(EntityTags.expectedVersion("*")).isNull();
    }

    @Test
    void an_if_match_that_is_not_a_version_is_a_bad_request() {
        assertThatThrownBy(() -> EntityTags.expectedVersion("\"abc\""))
                .isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> EntityTags.expectedVersion("\"1\", \"2\""))
                .isInstanceOf(ErrorResponseException.class);
    }
}
