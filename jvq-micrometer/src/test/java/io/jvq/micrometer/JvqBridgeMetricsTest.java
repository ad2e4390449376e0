package io.jvq.micrometer;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level2Trade;
import io.jvq.kafka.Backpressure;
import io.jvq.kafka.KafkaQuoteBridge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge binder on a real bridge whose Kafka cannot be reached (a port nothing listens on):
 * each send waits the producer's {@code max.block.ms} for metadata and fails, so the buffer
 * fills, overflows (dropped) and drains as failures, all of which the meters show.
 */
class JvqBridgeMetricsTest {
    private static final int QUOTES = 10;
    private static final int BUFFER = 2;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void aBridgeWithoutKafkaShowsItsFailuresDropsBufferAndState() throws Exception {
        KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers("127.0.0.1:" + closedPort())
                .producerProperty("max.block.ms", 500).bufferRecords(BUFFER).backpressure(Backpressure.drop())
                .closeTimeout(Duration.ofSeconds(1)).closeOnShutdown(false).build();
        // --- README: A Kafka bridge's meters
        JvqBridgeMetrics bridgeMetrics = new JvqBridgeMetrics(bridge, Tags.of("feed", "main"));
        bridgeMetrics.bindTo(registry);
        // --- end
        try {
            assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsAll(JvqMeters.BRIDGE);
            assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("feed")).isEqualTo("main"));
            assertThat(registry.get(JvqMeters.BRIDGE_FAILED).meter().getId().getBaseUnit()).isEqualTo("quotes");
            assertThat(state("running")).isEqualTo(1.0);

            for (int i = 1; i <= QUOTES; i++) {
                bridge.publish(new Level2Trade(SubscriptionCode.lv2("600519"), TimeOfDay.of(9, 30, 0, i), i, 1_700_500, 100));
            }
            // each send waits max.block.ms for metadata: one quote in flight, the rest of the buffer behind it
            await(() -> gauge(JvqMeters.BRIDGE_IN_FLIGHT) == 1 && gauge(JvqMeters.BRIDGE_BUFFERED) >= 1);
            await(() -> count(JvqMeters.BRIDGE_FAILED) + count(JvqMeters.BRIDGE_DROPPED) == QUOTES);

            assertThat(count(JvqMeters.BRIDGE_RECEIVED)).isEqualTo(QUOTES);
            assertThat(count(JvqMeters.BRIDGE_PUBLISHED)).isZero();
            // the buffered ones fail, and the one the sender held if it took one before the buffer filled
            assertThat(count(JvqMeters.BRIDGE_FAILED)).isEqualTo((double) bridge.stats().failed()).isBetween((double) BUFFER, BUFFER + 1.0);
            assertThat(count(JvqMeters.BRIDGE_DROPPED)).isEqualTo((double) bridge.stats().dropped()).isPositive();
            assertThat(gauge(JvqMeters.BRIDGE_BUFFERED)).isZero();
            assertThat(gauge(JvqMeters.BRIDGE_IN_FLIGHT)).isZero();
            assertThat(state("failing")).isEqualTo(1.0);
            assertThat(state("running") + state("stopped") + state("closed")).isZero();
            assertThat(registry.scrape()).as("the series the README names").contains(
                    "jvq_bridge_received_quotes_total{feed=\"main\"} 10.0",
                    "jvq_bridge_published_quotes_total{feed=\"main\"} 0.0",
                    "jvq_bridge_dropped_quotes_total{feed=\"main\"}",
                    "jvq_bridge_failed_quotes_total{feed=\"main\"}",
                    "jvq_bridge_buffered_quotes{feed=\"main\"} 0.0",
                    "jvq_bridge_in_flight_quotes{feed=\"main\"} 0.0",
                    "jvq_bridge_state{feed=\"main\",state=\"failing\"} 1.0",
                    "jvq_bridge_state{feed=\"main\",state=\"running\"} 0.0");

            bridge.close();
            assertThat(state("closed")).isEqualTo(1.0);
            assertThat(state("failing")).isZero();

            bridgeMetrics.close();
            assertThat(registry.getMeters()).isEmpty();
        } finally {
            bridgeMetrics.close();
            bridge.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private double state(String state) {
        return registry.get(JvqMeters.BRIDGE_STATE).tag("state", state).gauge().value();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double count(String name) {
        return registry.get(name).functionCounter().count();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
