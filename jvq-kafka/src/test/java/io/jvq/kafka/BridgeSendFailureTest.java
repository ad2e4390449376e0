package io.jvq.kafka;

import io.jvq.core.event.Level2Trade;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer refuses a quote ({@code send} throws): the bridge counts it, says so and carries on. */
class BridgeSendFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    @Test
    void aSendThatThrowsCostsThatQuoteOnlyAndTheSenderCarriesOn() throws Exception {
        Trades trades = new Trades(List.of("600519"));
        trades.next(10);
        // a real producer on the real broker, refusing trade 3 as a producer in a fatal state would
        try (KafkaQuoteBridge bridge = bridge().producerFactory(config -> new RefusingProducer(config, "3")).build()) {
            for (Level2Trade trade : trades.sent().subList(0, 3)) {
                bridge.publish(trade);
            }
            waitUntil(() -> bridge.stats().failed() == 1 && bridge.stats().published() == 2);
            assertThat(bridge.stats().lastError()).isEqualTo(KafkaException.class.getName() + ": refused 3");

            trades.sent().subList(3, 10).forEach(bridge::publish);
            waitUntil(() -> bridge.stats().published() == 9);
            BridgeStats stats = bridge.stats();
            assertThat(stats.failed()).isEqualTo(1);
            assertThat(stats.dropped()).isZero();
            assertThat(stats.state()).as("quotes get through again").isEqualTo(BridgeStats.State.RUNNING);
            assertThat(stats.lastError()).as("kept for whoever looks later").contains("refused 3");
        }
    }

    @Test
    void aProducerThatRefusesEverySendIsReportedFailingAndNeverHoldsTheReader() throws Exception {
        // a transactional.id (set by mistake: the bridge never begins a transaction) makes a real
        // producer refuse every send (and wait its whole close timeout on close, hence 1 s)
        try (KafkaQuoteBridge bridge = bridge().producerProperty("transactional.id", "oops")
                .bufferRecords(5).backpressure(Backpressure.block(Duration.ofSeconds(2)))
                .closeTimeout(Duration.ofSeconds(1)).build()) {
            Trades trades = new Trades(List.of("600519"));
            trades.next(50);
            trades.sent().forEach(bridge::publish);

            waitUntil(() -> bridge.stats().failed() == 50);
            BridgeStats stats = bridge.stats();
            assertThat(stats.dropped()).as("the sender drained the buffer: no quote waited for room").isZero();
            assertThat(stats.published()).isZero();
            assertThat(stats.state()).isEqualTo(BridgeStats.State.FAILING);
            assertThat(stats.lastError()).isNotBlank();
        }
    }

    private static KafkaQuoteBridge.Builder bridge() {
        return KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers())
                .topicPrefix("f" + PREFIXES.incrementAndGet() + ".").closeOnShutdown(false);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within " + WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** A real KafkaProducer whose send throws for the trade with the given id (its line holds ",id,"). */
    private static final class RefusingProducer extends KafkaProducer<byte[], byte[]> {
        private final String refused;

        RefusingProducer(Map<String, Object> config, String tradeId) {
            super(config, new ByteArraySerializer(), new ByteArraySerializer());
            this.refused = tradeId;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (new String(record.value(), StandardCharsets.UTF_8).contains("," + refused + ",")) {
                throw new KafkaException("refused " + refused);
            }
            return super.send(record, callback);
        }
    }
}
