package org.wayfinder.app.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops this node's streaming (tracking) processors for the length of an import that asks for it, and
 * starts them again afterwards, so the import has the cores to itself and the projections then catch up
 * in full batches. Subscribing processors (person-key shredding) are not touched: they run inside the
 * import's own transactions. Other nodes keep their processors; once this node's claims time out they
 * may take over its segments.
 */
final class ProjectionPause {

    private static final Logger log = LoggerFactory.getLogger(ProjectionPause.class);

    /** What the views are doing, as {@code GET /api/imports/{id}} reports it. */
    enum Views {
        /** An import that paused the projections is running: the views show what was there before it. */
        PAUSED,
        /** This node's projections are behind the event store (catching up after an import, for instance). */
        CATCHING_UP,
        /** Every projection processor of this node has reached the end of the event store. */
        CURRENT
    }

    private final Supplier<EventProcessingConfiguration> processing;

    ProjectionPause(Supplier<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    /** Stops the running streaming processors and returns them, to be given to {@link #resume(List)}. */
    List<StreamingEventProcessor> pause() {
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        for (StreamingEventProcessor processor : streamingProcessors()) {
            if (processor.isRunning()) {
                processor.shutDown();
                stopped.add(processor);
            }
        }
        log.info("Projections paused for an import: {}", stopped.stream().map(StreamingEventProcessor::getName).toList());
        return stopped;
    }

    void resume(List<StreamingEventProcessor> stopped) {
        for (StreamingEventProcessor processor : stopped) {
            try {
                processor.start();
            } catch (RuntimeException e) {
                log.warn("Processor {} could not be started again after the import: {}", processor.getName(),
                        e.getMessage());
            }
        }
        log.info("Projections started again after an import; they catch up from where they stopped.");
    }

    /** Whether this node's streaming processors have all reached the head of the event store. */
    Views views() {
        for (StreamingEventProcessor processor : streamingProcessors()) {
            if (!processor.isRunning() || processor.isError()) {
                return Views.CATCHING_UP;
            }
            if (processor.processingStatus().values().stream().anyMatch(status -> !status.isCaughtUp())) {
                return Views.CATCHING_UP;
            }
        }
        return Views.CURRENT;
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.get().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }
}
