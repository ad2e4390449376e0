package io.jvq.kafka;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeCompressionTest {

    @Test
    void theBridgeCompressesWithZstdUnlessToldOtherwise() {
        assertThat(producerConfig(KafkaQuoteBridge.builder())).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 1);
        assertThat(producerConfig(KafkaQuoteBridge.builder().producerProperty(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 3)))
                .containsEntry(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 3);
        assertThat(producerConfig(KafkaQuoteBridge.builder().compression("lz4")))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        assertThat(producerConfig(KafkaQuoteBridge.builder().producerProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none")))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    }

    @Test
    void anUnknownCompressionIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> KafkaQuoteBridge.builder().compression("brotli"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown compression 'brotli': expected none, gzip, snappy, lz4 or zstd");
    }

    private static Map<String, Object> producerConfig(KafkaQuoteBridge.Builder builder) {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        builder.bootstrapServers("unused:9092").closeOnShutdown(false).producerFactory(config -> {
            seen.set(Map.copyOf(config));
            return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        }).build().close();
        return seen.get();
    }
}
