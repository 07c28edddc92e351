package org.wayfinder.command.person;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfinder.kernel.person.PersonKeys;

/**
 * Registers the person aggregate, the merge handler that needs two people, and key shredding on
 * erasure, keeping all three free of Spring. {@link #register} is what tests apply to a plain Axon
 * configuration, so they exercise the same wiring.
 */
@Configuration(proxyBeanMethods = false)
class PersonConfiguration {

    @Bean
    ConfigurerModule personAggregate(PersonKeys keys) {
        return configurer -> register(configurer, keys);
    }

    static void register(org.axonframework.config.Configurer configurer, PersonKeys keys) {
        configurer.configureAggregate(Person.class)
                .registerCommandHandler(c -> new PersonMerging(() -> c.repository(Person.class)));
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(PersonKeyShredding.PROCESSING_GROUP)
                .registerEventHandler(c -> new PersonKeyShredding(keys));
    }
}
