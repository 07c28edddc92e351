package org.wayfinder.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run command's demo data: generated and imported on the first start, skipped when present. */
@SpringBootTest(properties = {"wayfinder.demo-data.enabled=true", "wayfinder.demo-data.referrals=40"})
class DemoDataIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoDataLoader loader;

    @Test
    void demo_data_loads_on_first_start_and_is_skipped_when_present() throws Exception {
        await().atMost(Duration.ofSeconds(240)).until(() -> "DONE".equals(jdbc.queryForObject(
                "SELECT max(state) FROM history_import WHERE started_by = 'demo-data'", String.class)));
        assertThat(jdbc.queryForObject("SELECT rows_rejected FROM history_import WHERE started_by = 'demo-data'",
                Long.class)).isZero();
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(events).isGreaterThan(40);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM referral_summary", Long.class) == 40);

        loader.loadOnFirstStart();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM history_import WHERE started_by = 'demo-data'",
                Long.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
    }
}
