package org.wayfinder.app.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock: business dates are London dates. Handlers take it as a parameter, never call now(). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(LONDON);
    }
}
