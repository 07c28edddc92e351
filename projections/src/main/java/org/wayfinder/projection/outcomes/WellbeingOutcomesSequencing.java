package org.wayfinder.projection.outcomes;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wellbeing-outcomes view keeps every event in one sequence, whatever its segment count.
 * <p>
 * Axon's default policy orders events per aggregate only, and segments then process different aggregates
 * concurrently. That is wrong here: a measure (referral stream) is keyed to its person's survivor through
 * {@code outcome_person_alias}, written by merges (person streams), and merges chain across person streams
 * ({@code X} into {@code P}, then {@code P} into {@code S}). Replayed out of order or in two concurrent
 * transactions, a measure could keep the merged person's id, or an alias could point at a non-survivor.
 * The processor is named in {@code application.yml} ({@code sequencing-policy}) with one initial segment.
 */
@Configuration(proxyBeanMethods = false)
class WellbeingOutcomesSequencing {

    @Bean
    SequencingPolicy<Object> wellbeingOutcomesSequencingPolicy() {
        return new SequentialPolicy();
    }
}
