package io.jvq.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientsVersionTest {

    @Test
    void anOldKafkaClientsIsNamedWithTheWayOut() {
        // what Spring Boot 3.5's dependency management brings: CloseOptions does not exist yet
        assertThatThrownBy(() -> KafkaClientsVersion.require(className -> false, "3.9.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("jvq-kafka needs kafka-clients 4.1 or newer, found 3.9.1")
                .hasMessageContaining(KafkaClientsVersion.PROBE)
                .hasMessageContaining("set the property kafka.version to 4.1.0 or newer");
    }

    @Test
    void theKafkaClientsOfThisBuildPass() {
        assertThatCode(() -> KafkaClientsVersion.require(className -> className.equals(KafkaClientsVersion.PROBE), "4.3.1"))
                .doesNotThrowAnyException();
        assertThatCode(KafkaClientsVersion::require).doesNotThrowAnyException();
    }
}
