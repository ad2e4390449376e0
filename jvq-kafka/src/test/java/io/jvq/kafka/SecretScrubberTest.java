package io.jvq.kafka;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a bridge reports of an error (logs, {@code stats().lastError()}) never quotes a configured secret. */
class SecretScrubberTest {

    @Test
    void secretSettingsAreBlankedAndTheRestIsKept() {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"s3cret!\";";
        SecretScrubber scrubber = SecretScrubber.of(Map.of(
                "sasl.jaas.config", jaas,
                "ssl.truststore.password", "trust-me",
                "bootstrap.servers", "kafka1:9092",
                "key.serializer", ByteArraySerializer.class));

        String text = scrubber.describe(new KafkaException("login failed with " + jaas + " and trust-me at kafka1:9092"));

        assertThat(text).isEqualTo(KafkaException.class.getName() + ": login failed with *** and *** at kafka1:9092");
    }

    @Test
    void longMessagesAreCut() {
        String text = SecretScrubber.of(Map.of()).describe(new IllegalStateException("x".repeat(1000)));
        assertThat(text).hasSize(301).endsWith("…");
    }
}
