package io.jvq.kafka;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.QuoteEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge's json values against the JSON Schema published in jvq-kafka's jar. */
class QuoteJsonSchemaTest {
    /** Half past midnight in Shanghai on 2 December, still 1 December in UTC. */
    private static final Clock AFTER_MIDNIGHT_IN_SHANGHAI = Clock.fixed(Instant.parse("2026-12-01T16:30:00Z"), ZoneOffset.UTC);
    private static Schema schema;

    @BeforeAll
    static void loadTheSchemaFromTheClassPath() throws IOException {
        try (InputStream in = KafkaQuoteBridge.class.getResourceAsStream("quote.schema.json")) {
            assertThat(in).as("io/jvq/kafka/quote.schema.json in jvq-kafka's jar").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyJsonValueTheBridgeWritesIsValidAndCarriesTheShanghaiDate() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers("unused:9092").valueFormat(ValueFormat.JSON)
                .clock(AFTER_MIDNIGHT_IN_SHANGHAI).closeOnShutdown(false).producerFactory(config -> producer).build()) {
            byte[] frame = QuoteSamples.frame().getBytes(StandardCharsets.UTF_8);
            new QuoteParser().parse(frame, 0, frame.length, bridge);    // the client's path: from the views
            for (QuoteEvent quote : QuoteSamples.events()) {
                bridge.publish(quote);                                  // the events' path
            }
            bridge.close(Duration.ofSeconds(10));
        }
        List<String> values = producer.history().stream().map(ProducerRecord::value)
                .map(value -> new String(value, StandardCharsets.UTF_8)).toList();

        assertThat(values).hasSize(8);
        assertThat(values.subList(0, 4)).isEqualTo(values.subList(4, 8));
        for (String value : values) {
            assertThat(schema.validate(value, InputFormat.JSON)).as(value).isEmpty();
            assertThat(value).contains("\"schemaVersion\":1,").contains("\"date\":\"2026-12-02\",");
        }
        assertThat(values.get(1)).isEqualTo("{\"type\":\"lv2\",\"schemaVersion\":1,\"code\":\"600519\",\"date\":\"2026-12-02\","
                + "\"time\":\"09:30:00.120\",\"tradeId\":8812,\"price\":1700.50,\"qty\":100}");
    }

    @Test
    void theSchemaRefusesAValueWithoutItsDateOrWithAShortBook() {
        String trade = "{\"type\":\"lv2\",\"schemaVersion\":1,\"code\":\"600519\",\"date\":\"2026-12-02\","
                + "\"time\":\"09:30:00.120\",\"tradeId\":8812,\"price\":1700.50,\"qty\":100}";
        assertThat(schema.validate(trade, InputFormat.JSON)).isEmpty();

        List<Error> undated = schema.validate(trade.replace("\"date\":\"2026-12-02\",", ""), InputFormat.JSON);
        assertThat(undated).extracting(Error::getMessage).anySatisfy(message -> assertThat(message).contains("date"));
        assertThat(schema.validate(trade.replace("\"qty\":100", "\"qty\":1.5"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(trade.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), InputFormat.JSON)).isNotEmpty();

        String book = "{\"type\":\"lv1\",\"schemaVersion\":1,\"code\":\"600519\",\"date\":\"2026-12-02\",\"time\":\"14:59:59\","
                + "\"name\":\"贵州茅台\",\"price\":1700.50,\"changePct\":1.23,\"volume\":1,\"amount\":1.5,"
                + "\"bids\":[[100,1.0],[100,1.0],[100,1.0],[100,1.0],[100,1.0]],\"asks\":[[100,1.0],[100,1.0],[100,1.0],[100,1.0]]}";
        assertThat(schema.validate(book, InputFormat.JSON)).isNotEmpty();
    }
}
