package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.json.Utf8Buffer;

/**
 * Writes records in the vendor's line grammar (docs/PROTOCOL.md §5), the text {@link QuoteParser}
 * reads, into a caller's reusable {@link Utf8Buffer}: from the flyweight views, from the events, or
 * from plain values (the simulator's). The one writer of the grammar in jvq: jvq-sim's market and
 * jvq-kafka's {@code line} values both go through it.
 *
 * <p>Numbers are written digit by digit from the fixed-point {@code long}s (1/10,000), never through
 * a {@code String} or a floating point, so once the buffer has grown to a line's size, writing a
 * level-1 or level-2 view allocates nothing. ({@link Level10View#name()} makes its name's String on
 * each call; a level-1 view's name is the code's remembered String.)
 *
 * <p>Decimals: trailing zeros are dropped down to {@code minDecimals} kept (2 for jvq's own
 * values, as {@link io.jvq.core.FixedPoint#format}; the simulator asks for the security's 2 or 3);
 * a zero price (an empty book level) is written {@code 0}, as the vendor does. Times: {@code HH:MM:SS},
 * trades {@code HH:MM:SS.mmm}.
 *
 * <p>An instance holds the scratch arrays the view methods copy a book into: one per writing thread.
 * The static methods hold no state.
 */
public final class QuoteLineWriter {
    /** Levels per side on a level-1 line (§5.1). */
    public static final int LV1_DEPTH = Level1Quote.DEPTH;
    /** Levels per side on a level-10 line (§5.3). */
    public static final int LV10_DEPTH = Level10Book.DEPTH;
    /** The decimals kept at least when writing jvq's values: {@code 1700.50}, {@code 0.001}. */
    public static final int MIN_DECIMALS = 2;

    private static final int SCALE = 4;
    private static final long ONE = 10_000;

    private final long[] bidQuantities = new long[LV10_DEPTH];
    private final long[] bidPrices = new long[LV10_DEPTH];
    private final long[] askQuantities = new long[LV10_DEPTH];
    private final long[] askPrices = new long[LV10_DEPTH];

    // ---- whole records, code prefix included: code=record ------------------------------------

    /** {@code lv1_<symbol>=<level-1 record>}. */
    public void write(Utf8Buffer out, Level1View quote) {
        code(out, quote.code());
        for (int level = 1; level <= LV1_DEPTH; level++) {
            bidQuantities[level - 1] = quote.bidQuantity(level);
            bidPrices[level - 1] = quote.bidPrice(level);
            askQuantities[level - 1] = quote.askQuantity(level);
            askPrices[level - 1] = quote.askPrice(level);
        }
        level1(out, quote.timeOfDayMillis(), quote.name(), quote.price(), quote.changePercent(), quote.volume(),
                quote.amount(), bidQuantities, bidPrices, askQuantities, askPrices, MIN_DECIMALS);
    }

    /** {@code lv2_<symbol>=<one trade>}. */
    public void write(Utf8Buffer out, TradeView trade) {
        code(out, trade.code());
        trade(out, trade.timeOfDayMillis(), trade.tradeId(), trade.price(), trade.quantity(), MIN_DECIMALS);
    }

    /** {@code lv10_<symbol>=<level-10 record>}. */
    public void write(Utf8Buffer out, Level10View book) {
        code(out, book.code());
        for (int level = 1; level <= LV10_DEPTH; level++) {
            bidQuantities[level - 1] = book.bidQuantity(level);
            bidPrices[level - 1] = book.bidPrice(level);
            askQuantities[level - 1] = book.askQuantity(level);
            askPrices[level - 1] = book.askPrice(level);
        }
        level10(out, book.timeOfDayMillis(), book.name(), book.price(), book.lastClose(), book.amount(), book.volume(),
                bidQuantities, bidPrices, askQuantities, askPrices, MIN_DECIMALS);
    }

    /** The record of a quote event, {@code code=record}, as the view methods write it. */
    public void write(Utf8Buffer out, QuoteEvent event) {
        code(out, event.code());
        if (event instanceof Level2Trade trade) {
            trade(out, trade.timeOfDayMillis(), trade.tradeId(), trade.price(), trade.quantity(), MIN_DECIMALS);
        } else if (event instanceof Level1Quote quote) {
            for (int level = 1; level <= LV1_DEPTH; level++) {
                bidQuantities[level - 1] = quote.bidQuantity(level);
                bidPrices[level - 1] = quote.bidPrice(level);
                askQuantities[level - 1] = quote.askQuantity(level);
                askPrices[level - 1] = quote.askPrice(level);
            }
            level1(out, quote.timeOfDayMillis(), quote.name(), quote.price(), quote.changePercent(), quote.volume(),
                    quote.amount(), bidQuantities, bidPrices, askQuantities, askPrices, MIN_DECIMALS);
        } else if (event instanceof Level10Book book) {
            for (int level = 1; level <= LV10_DEPTH; level++) {
                bidQuantities[level - 1] = book.bidQuantity(level);
                bidPrices[level - 1] = book.bidPrice(level);
                askQuantities[level - 1] = book.askQuantity(level);
                askPrices[level - 1] = book.askPrice(level);
            }
            level10(out, book.timeOfDayMillis(), book.name(), book.price(), book.lastClose(), book.amount(),
                    book.volume(), bidQuantities, bidPrices, askQuantities, askPrices, MIN_DECIMALS);
        } else {
            throw new IllegalArgumentException("not a quote event: " + event);
        }
    }

    /** {@code <flag>_<symbol>=}, e.g. {@code lv1_600519=}, without making the wire code's String. */
    public static void code(Utf8Buffer out, SubscriptionCode code) {
        out.ascii(code.level().flag()).ascii('_').ascii(code.symbol()).ascii('=');
    }

    // ==== THE FIELD ORDER OF EACH RECORD KIND (PROTOCOL §5.1-5.3): here and only here ============
    // Every writer in jvq ends in one of these three methods. When the parser's field layout table
    // exists, these are the methods to drive from it.

    /**
     * A level-1 record (§5.1): {@code time,name,price,change%,volume,amount,b1q,b1p,…,b5q,b5p,a1q,a1p,…,a5q,a5p}.
     * The book arrays hold {@link #LV1_DEPTH} levels at least, best first; prices fixed point.
     */
    public static void level1(Utf8Buffer out, int timeOfDayMillis, String name, long price, long changePercent,
                              long volume, long amount, long[] bidQuantities, long[] bidPrices,
                              long[] askQuantities, long[] askPrices, int priceDecimals) {
        out.timeOfDay(timeOfDayMillis, false);
        name(out, name);
        price(out.ascii(','), price, priceDecimals);
        decimal(out.ascii(','), changePercent, MIN_DECIMALS);
        out.ascii(',').number(volume);
        decimal(out.ascii(','), amount, MIN_DECIMALS);
        for (int i = 0; i < LV1_DEPTH; i++) {
            out.ascii(',').number(bidQuantities[i]);
            price(out.ascii(','), bidPrices[i], priceDecimals);
        }
        for (int i = 0; i < LV1_DEPTH; i++) {
            out.ascii(',').number(askQuantities[i]);
            price(out.ascii(','), askPrices[i], priceDecimals);
        }
    }

    /** One level-2 trade (§5.2): {@code HH:MM:SS.mmm,tradeId,price,quantity}; a line joins several with {@code |}. */
    public static void trade(Utf8Buffer out, int timeOfDayMillis, long tradeId, long price, long quantity,
                             int priceDecimals) {
        out.timeOfDay(timeOfDayMillis, true);
        out.ascii(',').number(tradeId);
        price(out.ascii(','), price, priceDecimals);
        out.ascii(',').number(quantity);
    }

    /**
     * A level-10 record (§5.3): {@code time,name,price,lastClose,amount,volume,b1p…b10p,b1q…b10q,a1p…a10p,a1q…a10q}.
     * The book arrays hold {@link #LV10_DEPTH} levels, best first; prices fixed point.
     */
    public static void level10(Utf8Buffer out, int timeOfDayMillis, String name, long price, long lastClose,
                               long amount, long volume, long[] bidQuantities, long[] bidPrices,
                               long[] askQuantities, long[] askPrices, int priceDecimals) {
        out.timeOfDay(timeOfDayMillis, false);
        name(out, name);
        price(out.ascii(','), price, priceDecimals);
        price(out.ascii(','), lastClose, priceDecimals);
        decimal(out.ascii(','), amount, MIN_DECIMALS);
        out.ascii(',').number(volume);
        for (int i = 0; i < LV10_DEPTH; i++) {
            price(out.ascii(','), bidPrices[i], priceDecimals);
        }
        for (int i = 0; i < LV10_DEPTH; i++) {
            out.ascii(',').number(bidQuantities[i]);
        }
        for (int i = 0; i < LV10_DEPTH; i++) {
            price(out.ascii(','), askPrices[i], priceDecimals);
        }
        for (int i = 0; i < LV10_DEPTH; i++) {
            out.ascii(',').number(askQuantities[i]);
        }
    }

    // ==== field writers =========================================================================

    /** A price: {@code 0} for zero (an empty level), else {@link #decimal}. */
    public static void price(Utf8Buffer out, long fixed, int minDecimals) {
        if (fixed == 0) {
            out.ascii('0');
        } else {
            decimal(out, fixed, minDecimals);
        }
    }

    /**
     * A fixed-point value (1/10,000) as a decimal: sign, integer digits, the point, then the four
     * decimals less trailing zeros, {@code minDecimals} (0 to 4) kept at least; no point when none is left.
     */
    public static void decimal(Utf8Buffer out, long fixed, int minDecimals) {
        if (minDecimals < 0 || minDecimals > SCALE) {
            throw new IllegalArgumentException("minDecimals must be 0 to 4, got " + minDecimals);
        }
        // Long.MIN_VALUE has no positive long: work on the negated magnitude, which always fits
        long magnitude = fixed < 0 ? fixed : -fixed;
        if (fixed < 0) {
            out.ascii('-');
        }
        out.number(-(magnitude / ONE));
        int fraction = (int) -(magnitude % ONE);
        int places = SCALE;
        while (places > minDecimals && fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        if (places == 0) {
            return;
        }
        out.ascii('.');
        for (int scale = pow10(places - 1); scale > 0; scale /= 10) {
            out.ascii((char) ('0' + fraction / scale % 10));
        }
    }

    /**
     * A security name: UTF-8, which must not hold the grammar's separators ({@code ,}, {@code |}, a line
     * break): the parser would split it (a name read from the wire never does).
     */
    public static void name(Utf8Buffer out, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == '|' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("security name '" + name
                        + "' holds a separator of the vendor's grammar (',', '|' or a line break)");
            }
        }
        out.ascii(',').text(name);
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
