package io.jvq.kafka;

import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.QuoteEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a {@link KafkaQuoteBridge}'s value back as a typed quote: a {@code Level1Quote},
 * {@code Level2Trade} or {@code Level10Book} ({@code io.jvq.core.event}), through jvq-core's parser,
 * as {@link KafkaQuoteSource} does. The format is the record's {@link QuoteHeaders#FORMAT} header;
 * without one, the constructor's or the {@value QuoteEventSerde#FORMAT_CONFIG} property ({@code line}
 * by default). A value that is not one quote in that format is a {@link SerializationException}
 * naming the format, what is wrong and the value's start; a null value (a tombstone) is null, as
 * Kafka's own deserializers have it. Unlike the source, it does not skip repeated trades. Thread-safe.
 */
public final class QuoteEventDeserializer implements Deserializer<QuoteEvent> {
    /** How much of a bad value an error message shows. */
    static final int EXCERPT = 80;
    private static final ThreadLocal<QuoteParser> PARSERS = ThreadLocal.withInitial(QuoteParser::new);

    private ValueFormat format;

    /** For Kafka's configuration by class name: the format of values without a header comes from {@link #configure}. */
    public QuoteEventDeserializer() {
        this(ValueFormat.LINE);
    }

    /** {@code format}: that of values without a {@link QuoteHeaders#FORMAT} header. */
    public QuoteEventDeserializer(ValueFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ValueFormat configured = QuoteEventSerde.configuredFormat(configs);
        if (configured != null) {
            format = configured;
        }
    }

    @Override
    public QuoteEvent deserialize(String topic, byte[] value) {
        return value == null ? null : read(format, value);
    }

    @Override
    public QuoteEvent deserialize(String topic, Headers headers, byte[] value) {
        if (value == null) {
            return null;
        }
        String named = headers == null ? null : QuoteHeaders.text(headers, QuoteHeaders.FORMAT);
        ValueFormat valueFormat;
        try {
            valueFormat = named == null ? format : ValueFormat.ofWireName(named);
        } catch (IllegalArgumentException unknown) {
            throw new SerializationException("jvq: cannot read a quote from topic " + topic + ": header "
                    + QuoteHeaders.FORMAT + " says " + unknown.getMessage() + "; value starts " + excerpt(value));
        }
        return read(valueFormat, value);
    }

    private static QuoteEvent read(ValueFormat format, byte[] value) {
        byte[] line = value;
        if (format == ValueFormat.JSON) {
            try {
                line = JsonToLine.translate(new String(value, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException bad) {
                throw invalid(format, bad.getMessage(), value);
            }
        }
        List<QuoteEvent> quotes = new ArrayList<>(1);
        List<DecodeError> errors = new ArrayList<>(1);
        PARSERS.get().parse(line, 0, line.length, new EventSink(event -> {
            if (event instanceof QuoteEvent quote) {
                quotes.add(quote);
            } else if (event instanceof DecodeError error) {
                errors.add(error);
            }
        }));
        if (!errors.isEmpty()) {
            throw invalid(format, errors.get(0).reason(), value);
        }
        if (quotes.size() != 1) {
            throw invalid(format, "it holds " + quotes.size() + " quotes, not one", value);
        }
        return quotes.get(0);
    }

    private static SerializationException invalid(ValueFormat format, String reason, byte[] value) {
        return new SerializationException("jvq: not a quote in the " + format.wireName() + " format (" + reason
                + "); value starts " + excerpt(value));
    }

    /** The value's first characters, quoted, as UTF-8 text (invalid bytes shown as U+FFFD). */
    static String excerpt(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() <= EXCERPT ? "'" + text + "'" : "'" + text.substring(0, EXCERPT) + "…' (" + value.length + " bytes)";
    }

    /** The format of values without a header. */
    public ValueFormat format() {
        return format;
    }
}
