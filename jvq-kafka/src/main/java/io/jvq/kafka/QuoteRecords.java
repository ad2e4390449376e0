package io.jvq.kafka;

import io.jvq.core.Digits;
import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteLineWriter;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.json.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the bridge's records, in two steps. On the reader thread, {@link #encode} writes a quote's
 * value in the bridge's {@link ValueFormat} straight into a buffer slot, with its receive time,
 * connection and sequence number: from the flyweight views, {@code line} through jvq-core's
 * {@link QuoteLineWriter} and {@code json} through {@link EventJson}, neither allocating. On the
 * sender thread, {@link #record} makes the Kafka record: the level's topic ({@link QuoteTopics}),
 * the security code as the key, the receive time as the timestamp, the {@link QuoteHeaders}, and
 * the value.
 */
final class QuoteRecords {
    /** How often the receive time's offset from {@code nanoTime} to the wall clock is taken again: 1 s. */
    static final long ANCHOR_NANOS = 1_000_000_000L;

    private final ValueFormat format;
    /** The same on every record, so one instance: a header is never changed once made. */
    private final Header formatHeader;
    private final Clock clock;
    private final String[] topics;

    // reader thread
    private final QuoteLineWriter lines = new QuoteLineWriter();
    /** The system clock is read through {@link System#nanoTime} from an anchor (an {@code Instant} per read would be garbage). */
    private final boolean systemClock;
    private long anchoredAt;
    private long epochMinusNanoTime;
    /** The connection the sequence numbers count in. */
    private long sequenceConnection;
    private long sequence;

    // sender thread
    private final Map<SubscriptionCode, byte[]> keys = new HashMap<>();
    private final byte[] digits = new byte[Digits.MAX_BYTES];

    QuoteRecords(QuoteTopics topics, ValueFormat format, Clock clock) {
        this.format = format;
        this.formatHeader = new RecordHeader(QuoteHeaders.FORMAT, format.wireName().getBytes(StandardCharsets.US_ASCII));
        this.clock = clock;
        this.systemClock = clock.equals(Clock.systemUTC());
        anchor(System.nanoTime());
        QuoteLevel[] levels = QuoteLevel.values();
        this.topics = new String[levels.length];
        for (QuoteLevel level : levels) {
            this.topics[level.ordinal()] = topics.topic(level);
        }
    }

    /** Reader thread: the next sequence number of a quote received on {@code connection}; it starts over with a new one. */
    long nextSequence(long connection) {
        if (connection != sequenceConnection) {
            sequenceConnection = connection;
            sequence = 0;
        }
        return ++sequence;
    }

    /**
     * Reader thread: {@code quote}'s value into {@code slot}, stamped with the receive time; a
     * {@code json} value carries the trading day of that time.
     */
    void encode(BridgeSender.Slot slot, Level1View quote, long connection, long sequence) {
        stamp(slot, quote.code(), connection, sequence);
        if (format == ValueFormat.LINE) {
            lines.write(slot.value, quote);
        } else {
            EventJson.write(quote, TradeDeduplicator.tradingDay(slot.receivedNanos), slot.value);
        }
    }

    void encode(BridgeSender.Slot slot, TradeView trade, long connection, long sequence) {
        stamp(slot, trade.code(), connection, sequence);
        if (format == ValueFormat.LINE) {
            lines.write(slot.value, trade);
        } else {
            EventJson.write(trade, TradeDeduplicator.tradingDay(slot.receivedNanos), slot.value);
        }
    }

    void encode(BridgeSender.Slot slot, Level10View book, long connection, long sequence) {
        stamp(slot, book.code(), connection, sequence);
        if (format == ValueFormat.LINE) {
            lines.write(slot.value, book);
        } else {
            EventJson.write(book, TradeDeduplicator.tradingDay(slot.receivedNanos), slot.value);
        }
    }

    void encode(BridgeSender.Slot slot, QuoteEvent quote, long connection, long sequence) {
        stamp(slot, quote.code(), connection, sequence);
        if (format == ValueFormat.LINE) {
            lines.write(slot.value, quote);
        } else {
            EventJson.write(quote, TradeDeduplicator.tradingDay(slot.receivedNanos), slot.value);
        }
    }

    private void stamp(BridgeSender.Slot slot, SubscriptionCode code, long connection, long sequence) {
        slot.receivedNanos = receivedNanos();
        slot.code = code;
        slot.connection = connection;
        slot.sequence = sequence;
    }

    /**
     * Now, in nanoseconds since the epoch. From the system clock: {@code nanoTime} plus the offset
     * to the wall clock, taken again each {@link #ANCHOR_NANOS}, so that a wall clock set meanwhile is
     * followed within that time; from another clock (tests): its instant.
     */
    private long receivedNanos() {
        if (!systemClock) {
            return epochNanos(clock.instant());
        }
        long now = System.nanoTime();
        if (now - anchoredAt > ANCHOR_NANOS) {
            anchor(now);
        }
        return now + epochMinusNanoTime;
    }

    private void anchor(long nanoTime) {
        anchoredAt = nanoTime;
        epochMinusNanoTime = epochNanos(clock.instant()) - nanoTime;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Sender thread: the Kafka record of a filled slot. */
    ProducerRecord<byte[], byte[]> record(BridgeSender.Slot slot) {
        SubscriptionCode code = slot.code;
        // the record copies these into a list of its own: a fixed-size list is all it needs to read
        List<Header> headers = Arrays.asList(
                new RecordHeader(QuoteHeaders.RECEIVED_NANOS, QuoteHeaders.number(slot.receivedNanos, digits)),
                new RecordHeader(QuoteHeaders.CONNECTION, QuoteHeaders.number(slot.connection, digits)),
                new RecordHeader(QuoteHeaders.SEQUENCE, QuoteHeaders.number(slot.sequence, digits)),
                formatHeader);
        byte[] key = keys.computeIfAbsent(code, c -> c.symbol().getBytes(StandardCharsets.US_ASCII));
        return new ProducerRecord<>(topics[code.level().ordinal()], null,
                Math.floorDiv(slot.receivedNanos, 1_000_000L), key, slot.value.toByteArray(), headers);
    }
}
