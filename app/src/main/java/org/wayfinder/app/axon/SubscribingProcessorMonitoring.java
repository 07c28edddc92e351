package org.wayfinder.app.axon;

import java.util.Set;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfinder.command.person.PersonKeyShredding;
import org.wayfinder.kernel.person.PersonErased;

/**
 * Key shredding is a subscribing processor: it sees every event appended, in the appending thread, and handles
 * one type. Axon's dimensional monitor builds and looks up its timers for each event it sees, the ignored ones
 * too, which cost a history import about a seventh of its thread (docs/performance.md). Its metrics therefore
 * cover the events it handles, {@link PersonErased}, and nothing is recorded for the events it ignores.
 */
@Configuration(proxyBeanMethods = false)
class SubscribingProcessorMonitoring {

    static final Set<Class<?>> KEY_SHREDDING_HANDLES = Set.of(PersonErased.class);

    @Bean
    ConfigurerModule keyShreddingMonitorsWhatItHandles(GlobalMetricRegistry metrics) {
        return configurer -> configurer.configureMessageMonitor(EventProcessor.class,
                PersonKeyShredding.PROCESSING_GROUP, (configuration, componentType, componentName) ->
                        handledOnly(metrics.registerComponentWithDefaultTags(componentType, componentName),
                                KEY_SHREDDING_HANDLES));
    }

    /** Monitors the messages of the given payload types with {@code monitor}, and no others. */
    @SuppressWarnings("unchecked")
    static MessageMonitor<Message<?>> handledOnly(MessageMonitor<? extends Message<?>> monitor,
                                                  Set<Class<?>> payloadTypes) {
        MessageMonitor<Message<?>> delegate = (MessageMonitor<Message<?>>) monitor;
        return message -> message instanceof EventMessage<?> && payloadTypes.contains(message.getPayloadType())
                ? delegate.onMessageIngested(message) : NoOpMessageMonitorCallback.INSTANCE;
    }
}
