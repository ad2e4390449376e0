package io.jvq.kafka;

import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed quotes from and to Kafka records: Kafka Streams on its test driver, a plain consumer on a real broker. */
class QuoteEventSerdeTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    @Test
    void kafkaStreamsReadsTheBridgesTradesAsTypedEvents() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("jvq.lv2", Consumed.with(Serdes.String(), QuoteEventSerde.line()))
                .filter((code, quote) -> quote instanceof Level2Trade trade && trade.quantity() >= 500)
                .to("jvq.big-trades", Produced.with(Serdes.String(), QuoteEventSerde.json()));
        Topology topology = builder.build();

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "big-trades");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        List<QuoteEvent> trades = QuoteSamples.events().stream().filter(Level2Trade.class::isInstance).toList();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
            TestInputTopic<String, byte[]> lv2 = driver.createInputTopic("jvq.lv2", new StringSerializer(),
                    (topic, value) -> value);
            // the bridge's records: one a line value, one a json value, each saying so in its header
            lv2.pipeInput(new TestRecord<>("600519", bridgeValue(trades.get(0), ValueFormat.LINE), headers("line")));
            lv2.pipeInput(new TestRecord<>("600519", bridgeValue(trades.get(1), ValueFormat.JSON), headers("json")));
            TestOutputTopic<String, QuoteEvent> big = driver.createOutputTopic("jvq.big-trades", new StringDeserializer(),
                    new QuoteEventDeserializer());

            List<TestRecord<String, QuoteEvent>> out = big.readRecordsToList();
            assertThat(out).extracting(TestRecord::value).containsExactly(trades.get(1));
            assertThat(((Level2Trade) out.get(0).value()).quantity()).isEqualTo(600);
            assertThat(QuoteHeaders.text(out.get(0).headers(), QuoteHeaders.FORMAT)).isEqualTo("json");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueFormat.class)
    void aPlainConsumerReadsWhatTheBridgePublishedAsTheEventsSent(ValueFormat format) {
        String prefix = "serde-" + format.wireName() + ".";
        List<QuoteEvent> sent = QuoteSamples.events();
        try (KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers()).topicPrefix(prefix)
                .valueFormat(format).closeOnShutdown(false).build()) {
            sent.forEach(bridge::publish);
        }
        List<QuoteEvent> read = new ArrayList<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-" + format.wireName(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, QuoteEventDeserializer.class.getName());
        try (KafkaConsumer<String, QuoteEvent> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(prefix + "lv1", prefix + "lv2", prefix + "lv10"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, QuoteEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                }
            }
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void badBytesAreAnErrorNamingTheFormatAndTheValue() {
        QuoteEventDeserializer deserializer = new QuoteEventDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize("jvq.lv2", headers("json"), bytes("{\"type\":\"lv2\",\"code\":")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("json format").hasMessageContaining("value starts '{\"type\":\"lv2\",\"code\":'");
        assertThatThrownBy(() -> deserializer.deserialize("jvq.lv2", headers("line"), bytes("lv2_600519=09:30:00.120,x,1700.50,100")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("line format").hasMessageContaining("'lv2_600519=09:30:00.120,x,1700.50,100'");
        assertThatThrownBy(() -> deserializer.deserialize("jvq.lv2", bytes(QuoteSamples.LV2)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("it holds 2 quotes, not one");
        assertThatThrownBy(() -> deserializer.deserialize("jvq.lv2", headers("xml"), bytes("<trade/>")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown value format 'xml'").hasMessageContaining("'<trade/>'");
        assertThatThrownBy(() -> deserializer.deserialize("jvq.lv2", headers("line"), bytes("x".repeat(500))))
                .isInstanceOf(SerializationException.class).hasMessageContaining("(500 bytes)");
        assertThat(deserializer.deserialize("jvq.lv2", headers("line"), (byte[]) null)).as("a tombstone").isNull();
    }

    @Test
    void theFormatComesFromTheHeaderElseFromTheConfiguration() {
        QuoteEvent trade = QuoteSamples.events().get(1);
        byte[] json = bridgeValue(trade, ValueFormat.JSON);
        QuoteEventDeserializer byDefault = new QuoteEventDeserializer();
        assertThatThrownBy(() -> byDefault.deserialize("jvq.lv2", json)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("line format");

        QuoteEventSerde configured = new QuoteEventSerde();
        configured.configure(Map.of(QuoteEventSerde.FORMAT_CONFIG, "json"), false);
        assertThat(configured.deserializer().deserialize("jvq.lv2", json)).isEqualTo(trade);
        assertThat(configured.deserializer().deserialize("jvq.lv2", headers("line"), bridgeValue(trade, ValueFormat.LINE)))
                .isEqualTo(trade);
        RecordHeaders written = new RecordHeaders();
        byte[] value = configured.serializer().serialize("jvq.lv2", written, trade);
        assertThat(QuoteHeaders.text(written, QuoteHeaders.FORMAT)).isEqualTo("json");
        assertThat(new String(value, StandardCharsets.UTF_8)).startsWith("{\"type\":\"lv2\",\"schemaVersion\":1,");

        assertThatThrownBy(() -> new QuoteEventSerde().configure(Map.of(QuoteEventSerde.FORMAT_CONFIG, "xml"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jvq.format").hasMessageContaining("expected line or json");
    }

    @Test
    void theSerializerWritesTheBridgesValues() {
        Clock afterMidnight = Clock.fixed(Instant.parse("2026-12-01T16:30:00Z"), ZoneOffset.UTC);
        QuoteEvent trade = QuoteSamples.events().get(1);
        assertThat(new String(new QuoteEventSerializer(ValueFormat.LINE).serialize("jvq.lv2", trade), StandardCharsets.UTF_8))
                .isEqualTo("lv2_600519=09:30:00.120,8812,1700.50,100");
        assertThat(new String(new QuoteEventSerializer(ValueFormat.JSON, afterMidnight).serialize("jvq.lv2", trade),
                StandardCharsets.UTF_8)).contains("\"date\":\"2026-12-02\"");
        assertThat(new QuoteEventSerializer().serialize("jvq.lv2", null)).isNull();
    }

    /** What a bridge writes for {@code quote} in {@code format}. */
    private static byte[] bridgeValue(QuoteEvent quote, ValueFormat format) {
        return new QuoteEventSerializer(format).serialize("jvq.lv2", quote);
    }

    private static RecordHeaders headers(String format) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(QuoteHeaders.FORMAT, format.getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
