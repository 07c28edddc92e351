package org.wayfinder.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoAxonServerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "org.axonframework.axonserver.connector.AxonServerConfiguration",
            "org.axonframework.axonserver.connector.AxonServerConnectionManager",
            "io.axoniq.axonserver.connector.AxonServerConnectionFactory"})
    void axon_server_is_not_on_the_classpath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
