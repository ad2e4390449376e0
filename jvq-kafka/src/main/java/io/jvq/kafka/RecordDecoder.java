package io.jvq.kafka;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.DecodeError;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the source's records back into quotes for its {@link QuoteDelivery}: skips other topics and,
 * by the key before decoding, other codes; translates {@code json} values back to the vendor's
 * line for jvq-core's parser; gives the de-duplication each record's trading day. Poll thread only.
 */
final class RecordDecoder {
    private final QuoteTopics topics;
    private final Set<SubscriptionCode> codes;
    /** The format of values without a format header. */
    private final ValueFormat defaultFormat;
    private final QuoteDelivery delivery;
    private final QuoteParser parser = new QuoteParser();
    /** Records of the source's codes, read. */
    private final AtomicLong records = new AtomicLong();

    RecordDecoder(QuoteTopics topics, Set<SubscriptionCode> codes, ValueFormat defaultFormat, QuoteDelivery delivery) {
        this.topics = topics;
        this.codes = codes;
        this.defaultFormat = defaultFormat;
        this.delivery = delivery;
    }

    void decode(ConsumerRecord<byte[], byte[]> record) {
        QuoteLevel level = topics.levelOf(record.topic());
        if (level == null || record.value() == null) {
            return;
        }
        if (!codes.isEmpty() && record.key() != null) {
            String symbol = new String(record.key(), StandardCharsets.US_ASCII);
            if (!SubscriptionCode.isValidSymbol(symbol) || !codes.contains(new SubscriptionCode(level, symbol))) {
                return;
            }
        }
        records.incrementAndGet();
        long receivedNanos = QuoteHeaders.number(record.headers(), QuoteHeaders.RECEIVED_NANOS, -1);
        delivery.recordDay(TradeDeduplicator.tradingDay(
                receivedNanos >= 0 ? receivedNanos : record.timestamp() * 1_000_000L));
        String formatName = QuoteHeaders.text(record.headers(), QuoteHeaders.FORMAT);
        byte[] line = record.value();
        try {
            ValueFormat format = formatName == null ? defaultFormat : ValueFormat.ofWireName(formatName);
            if (format == ValueFormat.JSON) {
                line = JsonToLine.translate(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException bad) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            delivery.onError(new DecodeError(null, text.length() > DecodeError.MAX_EXCERPT
                    ? text.substring(0, DecodeError.MAX_EXCERPT) : text,
                    record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + bad.getMessage()));
            return;
        }
        parser.parse(line, 0, line.length, delivery);
    }

    long records() {
        return records.get();
    }
}
