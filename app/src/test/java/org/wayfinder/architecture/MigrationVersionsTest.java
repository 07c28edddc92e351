package org.wayfinder.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module adds Flyway migrations to one history: two files with the same version would stop the
 * application at start-up, so catch them here first.
 */
class MigrationVersionsTest {

    @Test
    void no_two_migrations_share_a_version() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/**/V*__*.sql");
        assertThat(migrations).isNotEmpty();
        Map<String, Long> versions = Arrays.stream(migrations)
                .map(resource -> resource.getFilename().substring(0, resource.getFilename().indexOf("__")))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(versions).allSatisfy((version, count) -> assertThat(count).as(version).isOne());
    }
}
