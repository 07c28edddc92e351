package org.wayfinder.app.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;
import org.wayfinder.query.projections.ProjectionHealth;

/**
 * Per processing group, for Prometheus: {@code wayfinder_projection_lag_events} (the event store's head
 * global index minus the group's token position) and {@code wayfinder_dead_letters} (events parked in its
 * dead-letter queue), for every streaming processor. Registered once Axon has built its processors, so
 * every group is covered.
 */
@Component
class ProjectionMetrics {

    static final String LAG = "wayfinder.projection.lag.events";
    static final String DEAD_LETTERS = "wayfinder.dead.letters";

    private final MeterRegistry registry;
    private final ProjectionHealth health;
    private final EventProcessingConfiguration eventProcessing;

    ProjectionMetrics(MeterRegistry registry, ProjectionHealth health, EventProcessingConfiguration eventProcessing) {
        this.registry = registry;
        this.health = health;
        this.eventProcessing = eventProcessing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Set<String> groups = new TreeSet<>();
        eventProcessing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                groups.add(name);
            }
        });
        ProjectionCatalogue.ALL.forEach(projection -> groups.add(projection.name()));
        for (String group : groups) {
            Gauge.builder(LAG, health, h -> h.status(group).map(ProjectionHealth.Status::lag).orElse(0L))
                    .tag("processing_group", group)
                    .description("Events stored but not yet handled by the processing group")
                    .baseUnit("events")
                    .register(registry);
            Gauge.builder(DEAD_LETTERS, health, h -> h.status(group).map(ProjectionHealth.Status::deadLetters).orElse(0L))
                    .tag("processing_group", group)
                    .description("Events parked in the processing group's dead-letter queue")
                    .register(registry);
        }
    }
}
