package io.jvq.kafka;

import io.jvq.core.Digits;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The headers a bridge puts on every record. Values are ASCII text (decimal numbers, or the format's
 * name), so that {@code kcat} and scripts read them as they are.
 */
public final class QuoteHeaders {
    /** When the bridge received the quote: nanoseconds since the epoch. */
    public static final String RECEIVED_NANOS = "jvq-received-ns";
    /** Which of the bridge's jvQuant connections it came on: 1 for the first, then 2, 3, … */
    public static final String CONNECTION = "jvq-connection";
    /** The record's number on that connection: 1, 2, 3, … in the order received. */
    public static final String SEQUENCE = "jvq-seq";
    /** The value's format: {@code line} or {@code json}. */
    public static final String FORMAT = "jvq-format";

    private QuoteHeaders() {
    }

    /**
     * {@code value}'s decimal digits, ASCII: written into {@code scratch} (at least {@link Digits#MAX_BYTES})
     * and copied out once, rather than made a String and then encoded.
     */
    static byte[] number(long value, byte[] scratch) {
        return Arrays.copyOf(scratch, Digits.write(scratch, 0, value));
    }

    /** The header's number, or {@code absent} when there is no such header or it is not a number. */
    static long number(Headers headers, String name, long absent) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return absent;
        }
        byte[] digits = header.value();
        // nanoseconds since the epoch take 19 digits (since 2001); a long holds up to 9223372036854775807
        if (digits.length == 0 || digits.length > 19) {
            return absent;
        }
        long value = 0;
        for (byte b : digits) {
            if (b < '0' || b > '9') {
                return absent;
            }
            value = value * 10 + (b - '0');
            if (value < 0) {
                return absent; // past Long.MAX_VALUE
            }
        }
        return value;
    }

    /** The header's text, or null when absent. */
    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
