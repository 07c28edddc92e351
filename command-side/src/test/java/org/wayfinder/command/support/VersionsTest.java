package org.wayfinder.command.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class VersionsTest {

    @Test
    void a_version_is_a_quoted_entity_tag() {
        assertThat(Versions.entityTag(3)).isEqualTo("\"3\"");
    }

    @Test
    void if_match_names_the_expected_version_strong_weak_or_bare() {
        assertThat(Versions.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(Versions.expectedVersion("W/\"3\"")).isEqualTo(3L);
        assertThat(Versions.expectedVersion("3")).isEqualTo(3L);
    }

    @Test
    void no_if_match_or_a_star_sets_no_precondition() {
        assertThat(Versions.expectedVersion(null)).isNull();
        assertThat(Versions.expectedVersion("*")).isNull();
    }

    @Test
    void an_if_match_that_is_not_a_version_is_a_bad_request() {
        assertThatThrownBy(() -> Versions.expectedVersion("\"abc\""))
                .isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> Versions.expectedVersion("\"1\", \"2\""))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void an_if_match_with_a_quote_not_closed_or_a_weak_tag_unquoted_is_a_bad_request() {
        for (String header : new String[] {"W/5", "\"5", "5\"", "W/\"5"}) {
            assertThatThrownBy(() -> Versions.expectedVersion(header)).as(header)
                    .isInstanceOf(ErrorResponseException.class);
        }
    }
}
