package org.wayfinder.command.referral;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.DefaultRepositorySpanFactory;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfinder.command.support.CatchingUpCachingRepository;

/**
 * Registers the referral aggregate with Axon, keeping the aggregate itself free of Spring. Referrals
 * just changed stay in memory (weakly held: the garbage collector frees them under memory pressure),
 * and each load catches the cached referral up with the event store first
 * ({@link CatchingUpCachingRepository}), so a command never sees a stale referral.
 * {@code wayfinder.command.cache-referrals=false} loads every referral from the store instead.
 */
@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    @Bean
    ConfigurerModule referralAggregate(@Value("${wayfinder.command.cache-referrals:true}") boolean cache) {
        return configurer -> {
            AggregateConfigurer<Referral> referral = AggregateConfigurer.defaultConfiguration(Referral.class);
            if (!cache) {
                configurer.configureAggregate(referral);
                return;
            }
            referral.configureRepository(c -> new CatchingUpCachingRepository<>(
                    EventSourcingRepository.builder(Referral.class)
                            .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Referral.class,
                                    c.parameterResolverFactory(), c.handlerDefinition(Referral.class)))
                            .repositoryProvider(c::repository)
                            .spanFactory(c.getComponent(RepositorySpanFactory.class,
                                    () -> DefaultRepositorySpanFactory.builder().spanFactory(c.spanFactory()).build())),
                    c.eventStore(), new WeakReferenceCache()));
            configurer.configureAggregate(referral);
        };
    }
}
