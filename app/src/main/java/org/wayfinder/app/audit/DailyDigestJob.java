package org.wayfinder.app.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.wayfinder.query.audit.EventDigests;

/**
 * Digests every completed day not yet digested, catching up after downtime. It runs after midnight
 * UTC with a margin, so a transaction still committing at midnight has landed before its day is sealed.
 * Several replicas may run it: the day is the primary key, and the loser of a race only compares.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "wayfinder.audit.digest.enabled", havingValue = "true", matchIfMissing = true)
class DailyDigestJob {

    private static final Logger log = LoggerFactory.getLogger(DailyDigestJob.class);

    private final EventDigests digests;
    private final Clock clock;

    DailyDigestJob(EventDigests digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    @Scheduled(cron = "${wayfinder.audit.digest.cron:0 30 0 * * *}", zone = "UTC")
    void digestCompletedDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate day = digests.latestStoredDay().map(d -> d.plusDays(1))
                .or(digests::firstRecordedDay).orElse(today);
        for (; day.isBefore(today); day = day.plusDays(1)) {
            EventDigests.Recorded recorded = digests.record(day);
            log.info("Event digest for {}: {} events, root {}", day, recorded.digest().events(),
                    recorded.digest().rootHash());
        }
    }
}
