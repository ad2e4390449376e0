package io.jvq.kafka;

import io.jvq.core.codec.QuoteLineWriter;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.json.EventJson;
import io.jvq.core.json.Utf8Buffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a typed quote ({@code Level1Quote}, {@code Level2Trade}, {@code Level10Book}) as the value
 * a {@link KafkaQuoteBridge} would: the vendor's line or the JSON object ({@link ValueFormat}), the
 * format in the {@link QuoteHeaders#FORMAT} header when the record has headers. A {@code json} value's
 * {@code date} is the trading day (Asia/Shanghai) of the serializer's clock, now. The format is the
 * constructor's, or the {@value QuoteEventSerde#FORMAT_CONFIG} property ({@code line} by default) when
 * Kafka makes the serializer from its class name. Thread-safe.
 */
public final class QuoteEventSerializer implements Serializer<QuoteEvent> {
    private static final ThreadLocal<QuoteLineWriter> LINES = ThreadLocal.withInitial(QuoteLineWriter::new);

    private ValueFormat format;
    private final Clock clock;

    /** For Kafka's configuration by class name: the format comes from {@link #configure}. */
    public QuoteEventSerializer() {
        this(ValueFormat.LINE);
    }

    public QuoteEventSerializer(ValueFormat format) {
        this(format, Clock.systemUTC());
    }

    QuoteEventSerializer(ValueFormat format, Clock clock) {
        this.format = Objects.requireNonNull(format, "format");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ValueFormat configured = QuoteEventSerde.configuredFormat(configs);
        if (configured != null) {
            format = configured;
        }
    }

    /** The value, without headers to name its format: readers need to know it (or use the default, line). */
    @Override
    public byte[] serialize(String topic, QuoteEvent quote) {
        if (quote == null) {
            return null;
        }
        Utf8Buffer out = new Utf8Buffer(format == ValueFormat.LINE ? 128 : 256);
        if (format == ValueFormat.LINE) {
            LINES.get().write(out, quote);
        } else {
            Instant now = clock.instant();
            EventJson.write(quote, TradeDeduplicator.tradingDay(now.getEpochSecond() * 1_000_000_000L + now.getNano()), out);
        }
        return out.toByteArray();
    }

    /** The value, and its format in the {@link QuoteHeaders#FORMAT} header (replacing one there). */
    @Override
    public byte[] serialize(String topic, Headers headers, QuoteEvent quote) {
        byte[] value = serialize(topic, quote);
        if (value != null && headers != null) {
            headers.remove(QuoteHeaders.FORMAT);
            headers.add(QuoteHeaders.FORMAT, format.wireName().getBytes(StandardCharsets.US_ASCII));
        }
        return value;
    }

    /** The format written. */
    public ValueFormat format() {
        return format;
    }
}
