package io.jvq.kafka;

import io.jvq.core.codec.QuoteParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka down (nothing listens at the bootstrap address): the bridge's memory stays within its
 * buffer, under either policy. The quotes come through jvq-core's parser, as on a client's reader
 * thread, one frame at a time.
 */
class SlowKafkaTest {

    private static String nowhere() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static KafkaQuoteBridge.Builder bridgeToDownKafka(int bufferRecords) throws IOException {
        return KafkaQuoteBridge.builder()
                .bootstrapServers(nowhere())
                .bufferRecords(bufferRecords)
                .closeTimeout(Duration.ofMillis(200))
                // the sender waits for Kafka's metadata far longer than the test lasts
                .producerProperty("max.block.ms", 120_000);
    }

    private static void feed(KafkaQuoteBridge bridge, int frames) {
        Trades trades = new Trades(List.of("600519"));
        QuoteParser parser = new QuoteParser();
        for (int i = 0; i < frames; i++) {
            byte[] frame = trades.next(1).getBytes(StandardCharsets.UTF_8);
            parser.parse(frame, 0, frame.length, bridge);
        }
    }

    @Test
    void dropPolicyKeepsAtMostTheBufferAndCountsTheRest() throws IOException {
        try (KafkaQuoteBridge bridge = bridgeToDownKafka(10).backpressure(Backpressure.drop()).build()) {
            feed(bridge, 500);

            BridgeStats stats = bridge.stats();
            assertThat(stats.received()).isEqualTo(500);
            assertThat(stats.buffered()).isLessThanOrEqualTo(10);
            assertThat(stats.inFlight()).as("the one the sender holds").isLessThanOrEqualTo(1);
            assertThat(stats.published()).isZero();
            assertThat(stats.dropped()).isGreaterThanOrEqualTo(489)
                    .isEqualTo(stats.received() - stats.buffered() - stats.inFlight() - stats.failed());
        }
    }

    @Test
    void blockPolicyHoldsTheReaderUpToTheBoundThenDropsAndCounts() throws IOException {
        Duration bound = Duration.ofMillis(250);
        try (KafkaQuoteBridge bridge = bridgeToDownKafka(5).backpressure(Backpressure.block(bound)).build()) {
            long start = System.nanoTime();
            feed(bridge, 10);
            Duration blocked = Duration.ofNanos(System.nanoTime() - start);

            BridgeStats stats = bridge.stats();
            assertThat(stats.buffered()).isEqualTo(5);
            assertThat(stats.dropped()).isBetween(4L, 5L)
                    .isEqualTo(stats.received() - stats.buffered() - stats.inFlight() - stats.failed());
            assertThat(blocked).as("the reader waited the bound for each dropped quote")
                    .isGreaterThanOrEqualTo(bound.multipliedBy(stats.dropped()));
        }
    }

    @Test
    void closingWithKafkaDownCountsWhatWasNotHandedOverAndReturns() throws IOException {
        KafkaQuoteBridge bridge = bridgeToDownKafka(100).backpressure(Backpressure.drop()).build();
        feed(bridge, 50);
        bridge.close();

        BridgeStats stats = bridge.stats();
        assertThat(stats.buffered()).isZero();
        assertThat(stats.dropped() + stats.failed() + stats.inFlight()).isEqualTo(50);
    }
}
