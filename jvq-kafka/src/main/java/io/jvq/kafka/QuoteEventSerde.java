package io.jvq.kafka;

import io.jvq.core.event.QuoteEvent;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * The bridge's values as typed quotes ({@code io.jvq.core.event}), for Kafka Streams, Spring Kafka,
 * Flink and plain consumers: {@link QuoteEventDeserializer} reads both value formats (the record's
 * {@link QuoteHeaders#FORMAT} header says which), {@link QuoteEventSerializer} writes one. By class
 * name ({@code default.value.serde}, {@code value.deserializer}) the format of values without the
 * header, and of those written, is the {@value #FORMAT_CONFIG} property: {@code line} (the default)
 * or {@code json}.
 *
 * <pre>{@code
 * KStream<String, QuoteEvent> quotes = builder.stream("jvq.lv2", Consumed.with(Serdes.String(), QuoteEventSerde.line()));
 * }</pre>
 */
public final class QuoteEventSerde implements Serde<QuoteEvent> {
    /** The property naming the format: {@code line} or {@code json}. */
    public static final String FORMAT_CONFIG = "jvq.format";

    private final QuoteEventSerializer serializer;
    private final QuoteEventDeserializer deserializer;

    /** For Kafka's configuration by class name: {@code line}, or the {@value #FORMAT_CONFIG} property. */
    public QuoteEventSerde() {
        this(ValueFormat.LINE);
    }

    /** Writes {@code format}; reads values of either format, {@code format} when their header does not say. */
    public QuoteEventSerde(ValueFormat format) {
        this.serializer = new QuoteEventSerializer(format);
        this.deserializer = new QuoteEventDeserializer(format);
    }

    /** Writes the vendor's line, as the bridge does by default. */
    public static QuoteEventSerde line() {
        return new QuoteEventSerde(ValueFormat.LINE);
    }

    /** Writes the JSON object, with schema version and trading date. */
    public static QuoteEventSerde json() {
        return new QuoteEventSerde(ValueFormat.JSON);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<QuoteEvent> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<QuoteEvent> deserializer() {
        return deserializer;
    }

    /**
     * The {@value #FORMAT_CONFIG} property's format, or null when it is not set.
     *
     * @throws ConfigException naming the property and the values accepted
     */
    static ValueFormat configuredFormat(Map<String, ?> configs) {
        Object value = configs.get(FORMAT_CONFIG);
        if (value == null) {
            return null;
        }
        if (value instanceof ValueFormat format) {
            return format;
        }
        try {
            return ValueFormat.ofWireName(value.toString().trim());
        } catch (IllegalArgumentException unknown) {
            throw new ConfigException(FORMAT_CONFIG, value, unknown.getMessage());
        }
    }
}
