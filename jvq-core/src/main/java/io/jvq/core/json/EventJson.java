package io.jvq.core.json;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.event.ServerText;

import java.time.LocalDate;

/**
 * The JSON event schema: one data event as one JSON object, the same wherever jvq writes JSON
 * (the CLI's {@code --format json}, Kafka's {@code json} values). Prices, percentages and amounts
 * are JSON numbers written from the fixed-point value ({@link FixedPoint#format}): the digits
 * received, never a binary float. {@link #write} encodes straight into UTF-8 bytes and allocates
 * nothing for a quote: numbers and times are written digit by digit, so a writer that reuses its
 * {@link Utf8Buffer} costs no garbage per event. {@code code} is the six-character symbol, without
 * the {@code lvN_} prefix. Written with the JDK alone, as the core has no runtime dependency.
 *
 * <pre>{@code {"type":"lv2","code":"600519","time":"09:30:00.120","tradeId":8812,"price":1700.50,"qty":100}}</pre>
 *
 * <p>A quote written with its trading day (Kafka's {@code json} values) carries two more fields,
 * {@code schemaVersion} ({@link #SCHEMA_VERSION}) and {@code date}, the exchange's date
 * (Asia/Shanghai) when it was received, as the vendor's lines give the time of day only:
 *
 * <pre>{@code {"type":"lv2","schemaVersion":1,"code":"600519","date":"2026-12-02","time":"09:30:00.120","tradeId":8812,...}}</pre>
 */
public final class EventJson {
    /**
     * The version of the quote objects written with a date: raised when a field changes meaning or
     * goes away, not when one is added (readers ignore fields they do not know).
     */
    public static final int SCHEMA_VERSION = 1;
    /** No trading day: the quote is written without {@code schemaVersion} and {@code date}. */
    private static final long UNDATED = Long.MIN_VALUE;

    /** The last day written and its text: a day's text is made once, not per quote. */
    private static volatile DayText lastDay = new DayText(0, LocalDate.ofEpochDay(0).toString());

    private record DayText(long epochDay, String text) {
    }

    private EventJson() {
    }

    /** True for the events this schema covers: quotes, server text and decode errors. */
    public static boolean covers(JvqEvent event) {
        return event instanceof Level1Quote || event instanceof Level2Trade || event instanceof Level10Book
                || event instanceof ServerText || event instanceof DecodeError;
    }

    /** The event as one JSON object, without a line end. */
    public static String toJson(JvqEvent event) {
        Utf8Buffer out = new Utf8Buffer(256);
        write(event, out);
        return out.toString();
    }

    /**
     * Appends the event as one JSON object in UTF-8, without a line end.
     *
     * @throws IllegalArgumentException when the event is not one the schema {@linkplain #covers covers}
     */
    public static void write(JvqEvent event, Utf8Buffer out) {
        writeEvent(event, UNDATED, out);
    }

    /**
     * Appends a quote as one JSON object in UTF-8 with its trading day: {@code schemaVersion} and
     * {@code date} besides the fields of {@link #write(JvqEvent, Utf8Buffer)}.
     *
     * @param epochDay the exchange's date (Asia/Shanghai) the quote was received on, as days since 1970-01-01
     */
    public static void write(QuoteEvent quote, long epochDay, Utf8Buffer out) {
        writeEvent(quote, epochDay, out);
    }

    private static void writeEvent(JvqEvent event, long epochDay, Utf8Buffer out) {
        out.ascii('{');
        if (event instanceof Level1Quote quote) {
            level1(quote, epochDay, out);
        } else if (event instanceof Level2Trade trade) {
            level2(trade, epochDay, out);
        } else if (event instanceof Level10Book book) {
            level10(book, epochDay, out);
        } else if (event instanceof ServerText text) {
            string(out, "type", "text");
            string(out.ascii(','), "text", text.text());
        } else if (event instanceof DecodeError error) {
            decodeError(error, out);
        } else {
            throw new IllegalArgumentException("not a data event: " + event.getClass().getSimpleName());
        }
        out.ascii('}');
    }

    /** Appends a level-1 view as {@link #write(JvqEvent, Utf8Buffer)} writes its event, without making the event. */
    public static void write(Level1View quote, Utf8Buffer out) {
        write(quote, UNDATED, out);
    }

    /** Appends a view as {@link #write(QuoteEvent, long, Utf8Buffer)} writes its event, with its trading day. */
    public static void write(Level1View quote, long epochDay, Utf8Buffer out) {
        out.ascii('{');
        head(out, "lv1", quote.code().symbol(), epochDay, quote.timeOfDayMillis(), false);
        string(out.ascii(','), "name", quote.name());
        decimal(out, "price", quote.price());
        decimal(out, "changePct", quote.changePercent());
        integer(out, "volume", quote.volume());
        decimal(out, "amount", quote.amount());
        out.ascii(",\"bids\":[");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(out, level, quote.bidQuantity(level), quote.bidPrice(level));
        }
        out.ascii("],\"asks\":[");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(out, level, quote.askQuantity(level), quote.askPrice(level));
        }
        out.ascii("]}");
    }

    /** Appends a trade view as {@link #write(JvqEvent, Utf8Buffer)} writes its event, without making the event. */
    public static void write(TradeView trade, Utf8Buffer out) {
        write(trade, UNDATED, out);
    }

    /** Appends a view as {@link #write(QuoteEvent, long, Utf8Buffer)} writes its event, with its trading day. */
    public static void write(TradeView trade, long epochDay, Utf8Buffer out) {
        out.ascii('{');
        head(out, "lv2", trade.code().symbol(), epochDay, trade.timeOfDayMillis(), true);
        integer(out, "tradeId", trade.tradeId());
        decimal(out, "price", trade.price());
        integer(out, "qty", trade.quantity());
        out.ascii('}');
    }

    /** Appends a level-10 view as {@link #write(JvqEvent, Utf8Buffer)} writes its event, without making the event. */
    public static void write(Level10View book, Utf8Buffer out) {
        write(book, UNDATED, out);
    }

    /** Appends a view as {@link #write(QuoteEvent, long, Utf8Buffer)} writes its event, with its trading day. */
    public static void write(Level10View book, long epochDay, Utf8Buffer out) {
        out.ascii('{');
        head(out, "lv10", book.code().symbol(), epochDay, book.timeOfDayMillis(), false);
        string(out.ascii(','), "name", book.name());
        decimal(out, "price", book.price());
        decimal(out, "lastClose", book.lastClose());
        decimal(out, "amount", book.amount());
        integer(out, "volume", book.volume());
        out.ascii(",\"bids\":[");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(out, level, book.bidQuantity(level), book.bidPrice(level));
        }
        out.ascii("],\"asks\":[");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(out, level, book.askQuantity(level), book.askPrice(level));
        }
        out.ascii("]}");
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

    private static void level1(Level1Quote quote, long epochDay, Utf8Buffer out) {
        head(out, "lv1", quote.code().symbol(), epochDay, quote.timeOfDayMillis(), false);
        string(out.ascii(','), "name", quote.name());
        decimal(out, "price", quote.price());
        decimal(out, "changePct", quote.changePercent());
        integer(out, "volume", quote.volume());
        decimal(out, "amount", quote.amount());
        out.ascii(",\"bids\":[");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(out, level, quote.bidQuantity(level), quote.bidPrice(level));
        }
        out.ascii("],\"asks\":[");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(out, level, quote.askQuantity(level), quote.askPrice(level));
        }
        out.ascii(']');
    }

    private static void level2(Level2Trade trade, long epochDay, Utf8Buffer out) {
        head(out, "lv2", trade.code().symbol(), epochDay, trade.timeOfDayMillis(), true);
        integer(out, "tradeId", trade.tradeId());
        decimal(out, "price", trade.price());
        integer(out, "qty", trade.quantity());
    }

    private static void level10(Level10Book book, long epochDay, Utf8Buffer out) {
        head(out, "lv10", book.code().symbol(), epochDay, book.timeOfDayMillis(), false);
        string(out.ascii(','), "name", book.name());
        decimal(out, "price", book.price());
        decimal(out, "lastClose", book.lastClose());
        decimal(out, "amount", book.amount());
        integer(out, "volume", book.volume());
        out.ascii(",\"bids\":[");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(out, level, book.bidQuantity(level), book.bidPrice(level));
        }
        out.ascii("],\"asks\":[");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(out, level, book.askQuantity(level), book.askPrice(level));
        }
        out.ascii(']');
    }

    private static void decodeError(DecodeError error, Utf8Buffer out) {
        string(out, "type", "error");
        string(out.ascii(','), "reason", error.reason());
        if (error.code() != null) {
            string(out.ascii(','), "code", symbolOf(error.code()));
        }
        if (!error.excerpt().isEmpty()) {
            string(out.ascii(','), "line", error.excerpt());
        }
    }

    /**
     * Type, code and time, with the schema version and the date when there is a day; the time with
     * milliseconds when {@code millis} or when it has any (see {@link #time}).
     */
    private static void head(Utf8Buffer out, String type, String symbol, long epochDay, int millisOfDay, boolean millis) {
        // the type is ours and the symbol is validated (letters and digits): neither needs escaping
        out.ascii("\"type\":\"").ascii(type).ascii('"');
        if (epochDay != UNDATED) {
            out.ascii(",\"schemaVersion\":").number(SCHEMA_VERSION);
        }
        out.ascii(",\"code\":\"").ascii(symbol).ascii('"');
        if (epochDay != UNDATED) {
            out.ascii(",\"date\":\"").ascii(dateText(epochDay)).ascii('"');
        }
        out.ascii(",\"time\":\"").timeOfDay(millisOfDay, millis || millisOfDay % 1000 != 0).ascii('"');
    }

    /** {@code 2026-12-02}: made when the day changes, so a day's quotes share one string. */
    private static String dateText(long epochDay) {
        DayText day = lastDay;
        if (day.epochDay() != epochDay) {
            day = new DayText(epochDay, LocalDate.ofEpochDay(epochDay).toString());
            lastDay = day;
        }
        return day.text();
    }

    private static void decimal(Utf8Buffer out, String field, long fixed) {
        out.ascii(",\"").ascii(field).ascii("\":").fixedPoint(fixed);
    }

    private static void integer(Utf8Buffer out, String field, long value) {
        out.ascii(",\"").ascii(field).ascii("\":").number(value);
    }

    private static void pair(Utf8Buffer out, int level, long quantity, long price) {
        if (level > 1) {
            out.ascii(',');
        }
        out.ascii('[').number(quantity).ascii(',').fixedPoint(price).ascii(']');
    }

    private static void string(Utf8Buffer out, String field, String value) {
        out.ascii('"').ascii(field).ascii("\":");
        quoted(out, value);
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped, the rest as is. */
    static void quoted(Utf8Buffer out, String value) {
        out.ascii('"');
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c < 0x20 ? "\\u00" : null;
            };
            if (escape != null) {
                out.text(value.substring(plain, i)).ascii(escape);
                if (c < 0x20 && escape.length() == 4) {
                    out.ascii(Character.forDigit(c >> 4, 16)).ascii(Character.forDigit(c & 15, 16));
                }
                plain = i + 1;
            }
        }
        (plain == 0 ? out.text(value) : out.text(value.substring(plain))).ascii('"');
    }
}
