package org.wayfinder.command.directory;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the directory's aggregates and its cross-aggregate handler with Axon, keeping them free of Spring. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    ConfigurerModule directoryAggregates() {
        // Filtering by aggregate type makes an activity's id sent to /api/providers (or the reverse) an unknown
        // id, instead of replaying another aggregate's stream and appending to it.
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Provider.class)
                        .configureFilterEventsByType(c -> true))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Activity.class)
                        .configureFilterEventsByType(c -> true))
                .registerCommandHandler(c -> new ActivityRegistration(
                        c.repository(Provider.class), c.repository(Activity.class)));
    }

    @Bean
    DirectoryActivityCatalogue activityCatalogue(org.axonframework.config.Configuration axon) {
        return new DirectoryActivityCatalogue(() -> axon.repository(Activity.class));
    }
}
