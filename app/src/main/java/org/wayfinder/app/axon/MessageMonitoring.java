package org.wayfinder.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfinder.command.person.PersonKeyShredding;
import org.wayfinder.kernel.person.PersonErased;

/**
 * The metrics of Axon's Micrometer module (dimensional), with two changes that bound what they cost.
 * <ul>
 * <li><b>No capacity monitor.</b> Axon adds to each event processor and to the command bus a capacity gauge that
 * keeps every message's handling time for ten minutes (a sorted map entry per message). Its memory grows with
 * the rate: projections catching up on an import at thousands of events a second held hundreds of megabytes of
 * it, and ran out of a 512 MB heap (docs/performance.md). The timers, counters and latency gauges stay, with
 * Axon's names and tags.</li>
 * <li><b>Key shredding times only what it handles.</b> It is a subscribing processor: it sees every appended
 * event in the appending thread and handles one type, and timing the ignored ones cost a history import about a
 * seventh of its thread. Its metrics cover {@link PersonErased} only.</li>
 * </ul>
 * Registered per component type and name, which Axon prefers to the module's registration for every component.
 */
@Configuration(proxyBeanMethods = false)
class MessageMonitoring {

    static final String EVENT_PROCESSOR = "eventProcessor";
    static final Set<Class<?>> KEY_SHREDDING_HANDLES = Set.of(PersonErased.class);

    @Bean
    ConfigurerModule boundedMessageMonitors(GlobalMetricRegistry metrics) {
        MeterRegistry registry = metrics.getRegistry();
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class,
                        (configuration, componentType, name) -> eventProcessor(registry, name))
                .configureMessageMonitor(EventProcessor.class, PersonKeyShredding.PROCESSING_GROUP,
                        (configuration, componentType, name) ->
                                handledOnly(eventProcessor(registry, name), KEY_SHREDDING_HANDLES))
                .configureMessageMonitor(CommandBus.class,
                        (configuration, componentType, name) -> commandBus(registry, name));
    }

    /**
     * Axon's event processor metrics (timers, counters, latency gauge), without the capacity gauge. Typed as Axon's
     * factories want it; a processor only ever gives it events.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> eventProcessor(MeterRegistry registry, String processorName) {
        return (MessageMonitor) new MultiMessageMonitor<EventMessage<?>>(List.of(
                MessageTimerMonitor.buildMonitor(EVENT_PROCESSOR, registry, message -> Tags.of(
                        TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                        TagsUtil.PROCESSOR_NAME_TAG, processorName)),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(EVENT_PROCESSOR).meterRegistry(registry)
                        .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, processorName)).build(),
                MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR, registry, message -> Tags.of(
                        TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                        TagsUtil.PROCESSOR_NAME_TAG, processorName))));
    }

    /** Axon's command bus metrics (timers, counters by command type), without the capacity gauge. */
    static MessageMonitor<Message<?>> commandBus(MeterRegistry registry, String name) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                MessageCountingMonitor.buildMonitor(name, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION)));
    }

    /** Monitors the messages of the given payload types with {@code monitor}, and no others. */
    static MessageMonitor<Message<?>> handledOnly(MessageMonitor<Message<?>> monitor, Set<Class<?>> payloadTypes) {
        return message -> message instanceof EventMessage<?> && payloadTypes.contains(message.getPayloadType())
                ? monitor.onMessageIngested(message) : NoOpMessageMonitorCallback.INSTANCE;
    }
}
