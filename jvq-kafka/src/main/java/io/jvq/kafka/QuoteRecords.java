package io.jvq.kafka;

import io.jvq.core.event.QuoteEvent;
import io.jvq.core.json.EventJson;
import io.jvq.core.json.Utf8Buffer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Makes the bridge's records: the level's topic ({@link QuoteTopics}), the security code as the
 * key, the receive time as the timestamp, the {@link QuoteHeaders}, and the value in the bridge's
 * {@link ValueFormat}. Numbers each connection's quotes for the sequence header. Reader thread
 * only: it reuses its encoding buffers.
 */
final class QuoteRecords {
    private final QuoteTopics topics;
    private final ValueFormat format;
    private final byte[] formatHeader;
    private final Clock clock;

    private final StringBuilder text = new StringBuilder(512);
    private final Utf8Buffer json = new Utf8Buffer(512);
    /** The connection the sequence numbers count in. */
    private long sequenceConnection;
    private long sequence;

    QuoteRecords(QuoteTopics topics, ValueFormat format, Clock clock) {
        this.topics = topics;
        this.format = format;
        this.formatHeader = format.wireName().getBytes(StandardCharsets.US_ASCII);
        this.clock = clock;
    }

    /** The record of {@code quote}, received on {@code connection}: its sequence number starts over with a new one. */
    ProducerRecord<byte[], byte[]> record(QuoteEvent quote, long connection) {
        if (connection != sequenceConnection) {
            sequenceConnection = connection;
            sequence = 0;
        }
        sequence++;
        byte[] value;
        if (format == ValueFormat.LINE) {
            text.setLength(0);
            LineEncoder.write(quote, text);
            value = text.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            json.clear();
            EventJson.write(quote, json);
            value = json.toByteArray();
        }
        Instant receivedAt = clock.instant();
        RecordHeaders headers = new RecordHeaders();
        headers.add(QuoteHeaders.RECEIVED_NANOS,
                QuoteHeaders.number(receivedAt.getEpochSecond() * 1_000_000_000L + receivedAt.getNano()));
        headers.add(QuoteHeaders.CONNECTION, QuoteHeaders.number(connection));
        headers.add(QuoteHeaders.SEQUENCE, QuoteHeaders.number(sequence));
        headers.add(QuoteHeaders.FORMAT, formatHeader);
        return new ProducerRecord<>(topics.topic(quote.code().level()), null,
                receivedAt.toEpochMilli(), quote.code().symbol().getBytes(StandardCharsets.US_ASCII),
                value, headers);
    }
}
