package org.wayfinder.command.referral;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the referral aggregate with Axon, keeping the aggregate itself free of Spring. */
@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    @Bean
    ConfigurerModule referralAggregate() {
        return configurer -> configurer.configureAggregate(Referral.class);
    }
}
