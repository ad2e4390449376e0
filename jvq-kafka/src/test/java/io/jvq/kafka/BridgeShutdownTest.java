package io.jvq.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bridge an application never closed still publishes what it holds when its JVM ends: on
 * SIGTERM and when main returns. A real child JVM ({@link BridgeLeftOpen}) against the broker.
 */
class BridgeShutdownTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    @ParameterizedTest
    @ValueSource(strings = {"wait", "exit"})
    void whatTheBridgeHoldsIsPublishedWhenTheJvmEnds(String how) throws Exception {
        String prefix = "s" + PREFIXES.incrementAndGet() + ".";
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BridgeLeftOpen.class.getName(),
                KAFKA.bootstrapServers(), prefix, "1000", how)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("published 1000");
            if (how.equals("wait")) {
                child.destroy(); // SIGTERM
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(count(prefix + "lv2", 1000)).isEqualTo(1000);
    }

    @Test
    void closeRemovesTheShutdownHook() {
        KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers()).build();
        Thread hook = bridge.shutdownHook();
        assertThat(hook).isNotNull();
        bridge.close();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("still registered").isFalse();
    }

    @Test
    void aBridgeBuiltWithoutTheHookLeavesClosingToItsOwner() {
        try (KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers())
                .closeOnShutdown(false).build()) {
            assertThat(bridge.shutdownHook()).isNull();
        }
    }

    /** Records on the topic, waiting up to 15 s for {@code expected} of them (and a little for more). */
    private static int count(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-count",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count + consumer.poll(Duration.ofMillis(300)).count();
        }
    }
}
