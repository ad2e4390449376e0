package io.jvq.core.json;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;

/**
 * The JSON event schema: one data event as one JSON object, the same wherever jvq writes JSON
 * (the CLI's {@code --format json}, Kafka's {@code json} values). Prices, percentages and amounts
 * are JSON numbers written from the fixed-point value ({@link FixedPoint#format}): the digits
 * received, never a binary float. {@link #write} allocates nothing for a quote: numbers and times are
 * appended digit by digit, so a writer that reuses its builder costs no garbage per event. {@code code} is the six-character symbol, without the
 * {@code lvN_} prefix. Written with the JDK alone, as the core has no runtime dependency.
 *
 * <pre>{@code {"type":"lv2","code":"600519","time":"09:30:00.120","tradeId":8812,"price":1700.50,"qty":100}}</pre>
 */
public final class EventJson {
    private EventJson() {
    }

    /** True for the events this schema covers: quotes, server text and decode errors. */
    public static boolean covers(JvqEvent event) {
        return event instanceof Level1Quote || event instanceof Level2Trade || event instanceof Level10Book
                || event instanceof ServerText || event instanceof DecodeError;
    }

    /** The event as one JSON object, without a line end. */
    public static String toJson(JvqEvent event) {
        StringBuilder out = new StringBuilder(256);
        write(event, out);
        return out.toString();
    }

    /**
     * Appends the event as one JSON object, without a line end.
     *
     * @throws IllegalArgumentException when the event is not one the schema {@linkplain #covers covers}
     */
    public static void write(JvqEvent event, StringBuilder out) {
        out.append('{');
        if (event instanceof Level1Quote quote) {
            level1(quote, out);
        } else if (event instanceof Level2Trade trade) {
            level2(trade, out);
        } else if (event instanceof Level10Book book) {
            level10(book, out);
        } else if (event instanceof ServerText text) {
            string(out, "type", "text");
            string(out.append(','), "text", text.text());
        } else if (event instanceof DecodeError error) {
            decodeError(error, out);
        } else {
            throw new IllegalArgumentException("not a data event: " + event.getClass().getSimpleName());
        }
        out.append('}');
    }

    /** Level-1 and level-10 times are whole seconds on the wire: milliseconds only when present. */
    public static String time(int millisOfDay) {
        return TimeOfDay.format(millisOfDay, millisOfDay % 1000 != 0);
    }

    /** {@code lv2_600519 -> 600519}; a code without a prefix is kept as received. */
    public static String symbolOf(String wireCode) {
        int underscore = wireCode.indexOf('_');
        return underscore < 0 ? wireCode : wireCode.substring(underscore + 1);
    }

    private static void level1(Level1Quote quote, StringBuilder out) {
        head(out, "lv1", quote.code().symbol(), quote.timeOfDayMillis(), false);
        string(out.append(','), "name", quote.name());
        decimal(out, "price", quote.price());
        decimal(out, "changePct", quote.changePercent());
        integer(out, "volume", quote.volume());
        decimal(out, "amount", quote.amount());
        out.append(",\"bids\":[");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(out, level, quote.bidQuantity(level), quote.bidPrice(level));
        }
        out.append("],\"asks\":[");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(out, level, quote.askQuantity(level), quote.askPrice(level));
        }
        out.append(']');
    }

    private static void level2(Level2Trade trade, StringBuilder out) {
        head(out, "lv2", trade.code().symbol(), trade.timeOfDayMillis(), true);
        integer(out, "tradeId", trade.tradeId());
        decimal(out, "price", trade.price());
        integer(out, "qty", trade.quantity());
    }

    private static void level10(Level10Book book, StringBuilder out) {
        head(out, "lv10", book.code().symbol(), book.timeOfDayMillis(), false);
        string(out.append(','), "name", book.name());
        decimal(out, "price", book.price());
        decimal(out, "lastClose", book.lastClose());
        decimal(out, "amount", book.amount());
        integer(out, "volume", book.volume());
        out.append(",\"bids\":[");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(out, level, book.bidQuantity(level), book.bidPrice(level));
        }
        out.append("],\"asks\":[");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(out, level, book.askQuantity(level), book.askPrice(level));
        }
        out.append(']');
    }

    private static void decodeError(DecodeError error, StringBuilder out) {
        string(out, "type", "error");
        string(out.append(','), "reason", error.reason());
        if (error.code() != null) {
            string(out.append(','), "code", symbolOf(error.code()));
        }
        if (!error.excerpt().isEmpty()) {
            string(out.append(','), "line", error.excerpt());
        }
    }

    /** Type, code and time; the time with milliseconds when {@code millis} or when it has any (see {@link #time}). */
    private static void head(StringBuilder out, String type, String symbol, int millisOfDay, boolean millis) {
        string(out, "type", type);
        string(out.append(','), "code", symbol);
        out.append(",\"time\":\"");
        TimeOfDay.append(out, millisOfDay, millis || millisOfDay % 1000 != 0).append('"');
    }

    private static void decimal(StringBuilder out, String field, long fixed) {
        FixedPoint.append(out.append(",\"").append(field).append("\":"), fixed);
    }

    private static void integer(StringBuilder out, String field, long value) {
        out.append(",\"").append(field).append("\":").append(value);
    }

    private static void pair(StringBuilder out, int level, long quantity, long price) {
        if (level > 1) {
            out.append(',');
        }
        FixedPoint.append(out.append('[').append(quantity).append(','), price).append(']');
    }

    private static void string(StringBuilder out, String field, String value) {
        out.append('"').append(field).append("\":");
        quoted(out, value);
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped, the rest as is. */
    static void quoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
