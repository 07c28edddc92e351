package org.wayfinder.app.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.wayfinder.kernel.serialization.EventFormat;
import org.wayfinder.kernel.upcasting.BusinessDateUpcaster;

/**
 * Everything Axon stores (events, snapshots, tokens, dead letters) is written by serializers built on
 * {@link EventFormat}'s own ObjectMapper. Declaring all three beans keeps Axon from building them on
 * Spring's ObjectMapper, which {@code spring.jackson.*} settings would change.
 */
@Configuration(proxyBeanMethods = false)
public class EventSerializationConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return storedFormatSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return storedFormatSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return storedFormatSerializer();
    }

    /**
     * Upcasters turn events as earlier versions stored them into today's events, when the store is read
     * (aggregates, processors, replays). Axon's Spring configuration chains every {@code EventUpcaster} bean.
     */
    @Bean
    BusinessDateUpcaster businessDateUpcaster() {
        return new BusinessDateUpcaster();
    }

    static JacksonSerializer storedFormatSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(EventFormat.objectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
