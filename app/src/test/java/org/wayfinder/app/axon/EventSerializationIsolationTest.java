package org.wayfinder.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralSource;

class EventSerializationIsolationTest {

    private static final ReferralReceived EVENT = new ReferralReceived(
            "0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c", "5a1e2d3c-4b5a-4697-8877-665544332211",
            LocalDate.of(2024, 3, 14), ReferralSource.GP_PRACTICE, null, null, null, "E09000007",
            List.of("loneliness-isolation"), null);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(EventSerializationConfiguration.class);

    @Test
    void spring_jackson_settings_do_not_change_the_stored_event_format() {
        context.run(plain -> context
                .withPropertyValues(
                        "spring.jackson.property-naming-strategy=SNAKE_CASE",
                        "spring.jackson.serialization.write-dates-as-timestamps=true",
                        "spring.jackson.default-property-inclusion=non_null")
                .run(tweaked -> {
                    String before = new String(plain.getBean("eventSerializer", Serializer.class)
                            .serialize(EVENT, byte[].class).getData());
                    String after = new String(tweaked.getBean("eventSerializer", Serializer.class)
                            .serialize(EVENT, byte[].class).getData());
                    assertThat(after).isEqualTo(before)
                            .contains("\"referredOn\":\"2024-03-14\"")
                            .contains("\"gpPractice\":null");
                    assertThat(new String(tweaked.getBean(ObjectMapper.class).writeValueAsBytes(EVENT)))
                            .as("Spring's own ObjectMapper did take the settings")
                            .contains("referred_on");
                }));
    }

    @Test
    void every_axon_serializer_uses_the_stored_format() {
        context.run(ctx -> {
            for (String name : List.of("serializer", "messageSerializer", "eventSerializer")) {
                String json = new String(ctx.getBean(name, Serializer.class).serialize(EVENT, byte[].class).getData());
                assertThat(json).as(name).startsWith("{\"boroughGssCode\":\"E09000007\"");
            }
        });
    }
}
