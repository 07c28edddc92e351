package org.wayfinder.app.axon;

import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfinder.app.deadletter.DeadLetters;

/**
 * Every processing group gets Axon's JDBC dead-letter queue in {@code dead_letter_entry}: an event its
 * handlers throw on is parked there, with every later event of the same aggregate (Axon's sequencing
 * policy), while the processor carries on with the rest. A new projection gets its queue by existing;
 * only the subscribing groups of {@link #MUST_REFUSE_THE_COMMAND} have none.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueues {

    /** Sequences (aggregates) a group may park before enqueueing fails and the processor stops to retry. */
    static final int MAX_SEQUENCES = 10_000;

    /**
     * Groups whose handlers run in a subscribing processor, inside the transaction of the command that
     * caused the event: there a failure must refuse the command (an erasure whose key is not destroyed
     * must not be recorded), never be parked.
     */
    static final Set<String> MUST_REFUSE_THE_COMMAND = Set.of("person-key-shredding");

    @Bean
    ConfigurerModule everyProcessingGroupHasADeadLetterQueue(ConnectionProvider connectionProvider,
                                                             TransactionManager transactionManager,
                                                             DeadLetterSchema deadLetterSchema,
                                                             Serializer serializer,
                                                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                EventProcessingConfigurer eventProcessing = configurer.eventProcessing();
                eventProcessing
                        .registerDefaultDeadLetterPolicy(configuration -> (letter, cause) -> {
                            // Called on the first failure (no diagnostics yet) and on every failed retry.
                            Object previous = letter.diagnostics().get(DeadLetters.RETRIES);
                            int retries = previous instanceof Number count ? count.intValue() + 1 : 0;
                            return Decisions.enqueue(new ThrowableCause(DeadLetterCauses.rootOf(cause).getClass().getName(),
                                            DeadLetterCauses.withoutValues(cause)),
                                    parked -> parked.diagnostics().and(DeadLetters.RETRIES, retries));
                        })
                        .registerDeadLetterQueueProvider(processingGroup -> {
                            if (MUST_REFUSE_THE_COMMAND.contains(processingGroup)) {
                                return null;
                            }
                            // Axon asks once per group, before it builds the group's invoker: the moment to let a
                            // reset (a rebuild) clear the group's dead letters, since the replay handles them again,
                            // and to keep the queue from being asked about every event's aggregate: the cache
                            // remembers, per segment, which aggregates can have dead letters.
                            eventProcessing.registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup,
                                    (configuration, invoker) -> invoker.allowReset(true)
                                            .enableSequenceIdentifierCache());
                            return configuration -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                    .processingGroup(processingGroup)
                                    .connectionProvider(connectionProvider)
                                    .transactionManager(transactionManager)
                                    .schema(deadLetterSchema)
                                    .genericSerializer(serializer)
                                    .eventSerializer(eventSerializer)
                                    .maxSequences(MAX_SEQUENCES)
                                    .build();
                        });
            }

            /** After Axon's own module, which would otherwise replace this provider with its per-group one. */
            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }
}
