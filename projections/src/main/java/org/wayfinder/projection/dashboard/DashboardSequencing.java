package org.wayfinder.projection.dashboard;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard views keep every event in one sequence, whatever their segment count.
 * <p>
 * A referral's fact row takes its person's demographics from {@code dash_person} (person streams) and each batch
 * recomputes the rollups of the months and boroughs it touched from the fact rows. Two segments committing
 * concurrently would each recompute a shared rollup without the other's facts, and the last to commit would
 * win with a stale figure. The processors are named in {@code application.yml} ({@code sequencing-policy})
 * with one initial segment.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSequencing {

    @Bean
    SequencingPolicy<Object> dashboardSequencingPolicy() {
        return new SequentialPolicy();
    }
}
