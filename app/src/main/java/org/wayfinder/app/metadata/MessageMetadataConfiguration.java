package org.wayfinder.app.metadata;

import static org.wayfinder.kernel.metadata.EventMetadata.ACTOR_ID;
import static org.wayfinder.kernel.metadata.EventMetadata.ACTOR_ROLE;
import static org.wayfinder.kernel.metadata.EventMetadata.CAUSATION_ID;
import static org.wayfinder.kernel.metadata.EventMetadata.CORRELATION_ID;
import static org.wayfinder.kernel.metadata.EventMetadata.ORGANISATION;
import static org.wayfinder.kernel.metadata.EventMetadata.SOURCE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfinder.kernel.metadata.EventMetadata;

/**
 * The one place where message metadata is set. Every command leaving the gateway is stamped with the
 * request's correlation id, actor, role, organisation and source; every event a command causes
 * carries those forward, and its causation id is the command's message id.
 */
@Configuration(proxyBeanMethods = false)
class MessageMetadataConfiguration {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(List.of(new StampCommandMetadata()))
                .build();
    }

    @Bean
    CorrelationDataProvider commandMetadataOnEvents() {
        return new CommandMetadataOnEvents();
    }

    static final class StampCommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> command.andMetaData(stamp(command));
        }

        private static Map<String, Object> stamp(CommandMessage<?> command) {
            RequestContext context = RequestContext.current()
                    .orElseGet(() -> new RequestContext(UUID.randomUUID().toString(), RequestActor.SYSTEM, "system"));
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(CORRELATION_ID, context.correlationId());
            metadata.put(ACTOR_ID, context.actor().actorId());
            metadata.put(ACTOR_ROLE, context.actor().role());
            metadata.put(ORGANISATION, context.actor().organisation());
            metadata.put(SOURCE, context.source());
            // What the caller set explicitly (an import batch as source, say) wins over the request's defaults.
            command.getMetaData().forEach((key, value) -> {
                if (EventMetadata.PROPAGATED.contains(key) && value != null) {
                    metadata.put(key, value);
                }
            });
            return metadata;
        }
    }

    static final class CommandMetadataOnEvents implements CorrelationDataProvider {

        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            Map<String, Object> data = new HashMap<>();
            for (String key : EventMetadata.PROPAGATED) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
            data.putIfAbsent(CORRELATION_ID, message.getIdentifier());
            data.put(CAUSATION_ID, message.getIdentifier());
            return data;
        }
    }
}
