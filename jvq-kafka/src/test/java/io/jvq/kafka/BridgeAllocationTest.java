package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.json.EventJson;
import io.jvq.core.json.Utf8Buffer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge on the flyweight path: what the client's reader thread spends per quote, the views
 * encoded in the {@code line} format into the buffer's slots, counted as this thread's allocated
 * bytes like the other allocation tests (one object per quote, 16 bytes at least, would fail the
 * bound of 1 byte per quote many times over). The Kafka records are made on the sender thread,
 * against a {@link MockProducer}: Kafka's own allocations are not the bridge's to save.
 */
class BridgeAllocationTest {
    private static final String LV1 = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50"
            + ",100,1700.49".repeat(10);
    private static final String LV2 = "lv2_600519=09:30:00.120,8812,1700.50,100|09:30:00.130,8813,1700.49,300";
    private static final String LV10 = "lv10_600519=14:59:59,贵州茅台,1700.50,1680.00,20987654321.50,12345678"
            + ",1700.49".repeat(10) + ",100".repeat(10) + ",1700.51".repeat(10) + ",200".repeat(10);

    @Test
    void theLineFormatAllocatesNothingPerQuoteOnTheReaderThread() {
        double perQuote = bytesPerQuote(ValueFormat.LINE, LV1 + "\n" + LV2, 3);

        assertThat(perQuote).as("bytes allocated per level-1 snapshot and level-2 trade").isLessThan(1.0);
    }

    @Test
    void theJsonFormatAllocatesNothingPerQuoteEither() {
        double perQuote = bytesPerQuote(ValueFormat.JSON, LV1 + "\n" + LV2, 3);

        assertThat(perQuote).as("bytes allocated per level-1 snapshot and level-2 trade").isLessThan(1.0);
    }

    /** A level-10 book's name is the code's remembered String, as a level-1 snapshot's: no allocation either. */
    @Test
    void theLevel10FormatAllocatesNothingPerQuoteEither() {
        double perQuote = bytesPerQuote(ValueFormat.LINE, LV10, 1);

        assertThat(perQuote).as("bytes allocated per level-10 book").isLessThan(1.0);
    }

    @Test
    void jsonValuesAreWrittenFromTheViewsAsTheEventsJson() {
        MockProducer<byte[], byte[]> producer = producer();
        try (KafkaQuoteBridge bridge = bridge(producer, ValueFormat.JSON)) {
            parse(bridge, LV2);
            bridge.close(Duration.ofSeconds(10));
        }
        assertThat(producer.history()).hasSize(2);
        ProducerRecord<byte[], byte[]> first = producer.history().get(0);
        Utf8Buffer expected = new Utf8Buffer(256);
        EventJson.write(new Level2Trade(SubscriptionCode.parse("lv2_600519"), 34_200_120, 8812, 17_005_000, 100),
                TradeDeduplicator.tradingDay(header(first, QuoteHeaders.RECEIVED_NANOS)), expected);
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void theClientsConnectionNumberIsInTheHeadersAndTheSequenceStartsOverWithIt() {
        MockProducer<byte[], byte[]> producer = producer();
        try (KafkaQuoteBridge bridge = bridge(producer, ValueFormat.LINE)) {
            bridge.onConnected(1, "a:1");
            parse(bridge, LV2);
            bridge.onConnected(2, "b:2");
            parse(bridge, LV2 + "\n" + LV1);
            bridge.close(Duration.ofSeconds(10));
        }
        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(r -> header(r, QuoteHeaders.CONNECTION)).containsExactly(1L, 1L, 2L, 2L, 2L);
        assertThat(sent).extracting(r -> header(r, QuoteHeaders.SEQUENCE)).containsExactly(1L, 2L, 1L, 2L, 3L);
        assertThat(new String(sent.get(4).value(), StandardCharsets.UTF_8)).isEqualTo(LV1);
        assertThat(new String(sent.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("lv2_600519=09:30:00.120,8812,1700.50,100");
        assertThat(sent.get(0).topic()).isEqualTo("jvq.lv2");
        assertThat(new String(sent.get(0).key(), StandardCharsets.US_ASCII)).isEqualTo("600519");
    }

    private static double bytesPerQuote(ValueFormat format, String text, int quotesPerFrame) {
        byte[] frame = text.getBytes(StandardCharsets.UTF_8);
        QuoteParser parser = new QuoteParser();
        MockProducer<byte[], byte[]> producer = producer();
        try (KafkaQuoteBridge bridge = bridge(producer, format)) {
            bridge.onConnected(1, "test:1");
            for (int i = 0; i < 20_000; i++) {   // warm up: interpreter, C1, C2, and every slot used once
                parser.parse(frame, 0, frame.length, bridge);
                producer.clear();
            }
            int frames = 10_000;
            long before = allocatedBytes();
            for (int i = 0; i < frames; i++) {
                parser.parse(frame, 0, frame.length, bridge);
            }
            long allocated = allocatedBytes() - before;
            long quotes = (long) frames * quotesPerFrame;
            assertThat(bridge.stats().dropped()).isZero();
            assertThat(bridge.stats().received()).isEqualTo(30_000L * quotesPerFrame);
            System.out.printf("bridge, %s format: %d bytes for %d quotes on the reader thread%n",
                    format.wireName(), allocated, quotes);
            return (double) allocated / quotes;
        }
    }

    private static void parse(KafkaQuoteBridge bridge, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        new QuoteParser().parse(bytes, 0, bytes.length, bridge);
    }

    private static MockProducer<byte[], byte[]> producer() {
        return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaQuoteBridge bridge(MockProducer<byte[], byte[]> producer, ValueFormat format) {
        return KafkaQuoteBridge.builder().bootstrapServers("unused:9092").valueFormat(format).bufferRecords(1024)
                .closeOnShutdown(false).producerFactory(config -> producer).build();
    }

    private static long header(ProducerRecord<byte[], byte[]> record, String name) {
        return QuoteHeaders.number(record.headers(), name, -1);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
