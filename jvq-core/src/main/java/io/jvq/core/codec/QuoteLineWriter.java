package io.jvq.core.codec;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.RecordLayout.Role;
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
 * view allocates nothing (a view's name is its code's remembered String).
 *
 * <p>Decimals: trailing zeros are dropped down to {@code minDecimals} kept (2 for jvq's own
 * values, as {@link io.jvq.core.FixedPoint#format}; the simulator asks for the security's 2 or 3);
 * a zero price (an empty book level) is written {@code 0}, as the vendor does. Times: {@code HH:MM:SS},
 * trades {@code HH:MM:SS.mmm}.
 *
 * <p>The field order of each record kind is {@link RecordLayout}'s, the parser's own table: the writer walks
 * it and takes each field's value by its role, so a vendor field swap made there is followed here too.
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

    private final RecordLayout level1Layout;
    private final RecordLayout tradeLayout;
    private final RecordLayout level10Layout;
    private final RecordValues values = new RecordValues(new long[LV10_DEPTH], new long[LV10_DEPTH],
            new long[LV10_DEPTH], new long[LV10_DEPTH]);

    public QuoteLineWriter() {
        this(RecordLayout.LV1, RecordLayout.TRADE, RecordLayout.LV10);
    }

    /** A writer of other field orders than the documented ones, as {@link QuoteParser}'s matching constructor reads. */
    QuoteLineWriter(RecordLayout level1Layout, RecordLayout tradeLayout, RecordLayout level10Layout) {
        this.level1Layout = level1Layout;
        this.tradeLayout = tradeLayout;
        this.level10Layout = level10Layout;
    }

    // ---- whole records, code prefix included: code=record ------------------------------------

    /** {@code lv1_<symbol>=<level-1 record>}. */
    public void write(Utf8Buffer out, Level1View quote) {
        code(out, quote.code());
        for (int level = 1; level <= LV1_DEPTH; level++) {
            values.bookLevel(level, quote.bidQuantity(level), quote.bidPrice(level), quote.askQuantity(level),
                    quote.askPrice(level));
        }
        level1Values(quote.timeOfDayMillis(), quote.name(), quote.price(), quote.changePercent(), quote.volume(),
                quote.amount());
        record(out, level1Layout, values, MIN_DECIMALS);
    }

    /** {@code lv2_<symbol>=<one trade>}. */
    public void write(Utf8Buffer out, TradeView trade) {
        code(out, trade.code());
        tradeValues(values, trade.timeOfDayMillis(), trade.tradeId(), trade.price(), trade.quantity());
        record(out, tradeLayout, values, MIN_DECIMALS);
    }

    /** {@code lv10_<symbol>=<level-10 record>}. */
    public void write(Utf8Buffer out, Level10View book) {
        code(out, book.code());
        for (int level = 1; level <= LV10_DEPTH; level++) {
            values.bookLevel(level, book.bidQuantity(level), book.bidPrice(level), book.askQuantity(level),
                    book.askPrice(level));
        }
        level10Values(book.timeOfDayMillis(), book.name(), book.price(), book.lastClose(), book.amount(), book.volume());
        record(out, level10Layout, values, MIN_DECIMALS);
    }

    /** The record of a quote event, {@code code=record}, as the view methods write it. */
    public void write(Utf8Buffer out, QuoteEvent event) {
        code(out, event.code());
        if (event instanceof Level2Trade trade) {
            tradeValues(values, trade.timeOfDayMillis(), trade.tradeId(), trade.price(), trade.quantity());
            record(out, tradeLayout, values, MIN_DECIMALS);
        } else if (event instanceof Level1Quote quote) {
            for (int level = 1; level <= LV1_DEPTH; level++) {
                values.bookLevel(level, quote.bidQuantity(level), quote.bidPrice(level), quote.askQuantity(level),
                        quote.askPrice(level));
            }
            level1Values(quote.timeOfDayMillis(), quote.name(), quote.price(), quote.changePercent(), quote.volume(),
                    quote.amount());
            record(out, level1Layout, values, MIN_DECIMALS);
        } else if (event instanceof Level10Book book) {
            for (int level = 1; level <= LV10_DEPTH; level++) {
                values.bookLevel(level, book.bidQuantity(level), book.bidPrice(level), book.askQuantity(level),
                        book.askPrice(level));
            }
            level10Values(book.timeOfDayMillis(), book.name(), book.price(), book.lastClose(), book.amount(),
                    book.volume());
            record(out, level10Layout, values, MIN_DECIMALS);
        } else {
            throw new IllegalArgumentException("not a quote event: " + event);
        }
    }

    /** {@code <flag>_<symbol>=}, e.g. {@code lv1_600519=}, without making the wire code's String. */
    public static void code(Utf8Buffer out, SubscriptionCode code) {
        out.ascii(code.level().flag()).ascii('_').ascii(code.symbol()).ascii('=');
    }

    // ---- records from plain values (the simulator's), in the documented field orders -----------

    /**
     * A level-1 record (§5.1): {@code time,name,price,change%,volume,amount,b1q,b1p,…,b5q,b5p,a1q,a1p,…,a5q,a5p}.
     * The book arrays hold {@link #LV1_DEPTH} levels at least, best first; prices fixed point.
     */
    public static void level1(Utf8Buffer out, int timeOfDayMillis, String name, long price, long changePercent,
                              long volume, long amount, long[] bidQuantities, long[] bidPrices,
                              long[] askQuantities, long[] askPrices, int priceDecimals) {
        RecordValues v = new RecordValues(bidQuantities, bidPrices, askQuantities, askPrices);
        v.timeOfDayMillis = timeOfDayMillis;
        v.name = name;
        v.price = price;
        v.changePercent = changePercent;
        v.volume = volume;
        v.amount = amount;
        record(out, RecordLayout.LV1, v, priceDecimals);
    }

    /** One level-2 trade (§5.2): {@code HH:MM:SS.mmm,tradeId,price,quantity}; a line joins several with {@code |}. */
    public static void trade(Utf8Buffer out, int timeOfDayMillis, long tradeId, long price, long quantity,
                             int priceDecimals) {
        RecordValues v = new RecordValues();
        tradeValues(v, timeOfDayMillis, tradeId, price, quantity);
        record(out, RecordLayout.TRADE, v, priceDecimals);
    }

    /**
     * A level-10 record (§5.3): {@code time,name,price,lastClose,amount,volume,b1p…b10p,b1q…b10q,a1p…a10p,a1q…a10q}.
     * The book arrays hold {@link #LV10_DEPTH} levels, best first; prices fixed point.
     */
    public static void level10(Utf8Buffer out, int timeOfDayMillis, String name, long price, long lastClose,
                               long amount, long volume, long[] bidQuantities, long[] bidPrices,
                               long[] askQuantities, long[] askPrices, int priceDecimals) {
        RecordValues v = new RecordValues(bidQuantities, bidPrices, askQuantities, askPrices);
        v.timeOfDayMillis = timeOfDayMillis;
        v.name = name;
        v.price = price;
        v.lastClose = lastClose;
        v.amount = amount;
        v.volume = volume;
        record(out, RecordLayout.LV10, v, priceDecimals);
    }

    /**
     * The fields of {@code layout}, in its order, comma-separated. Prices keep the security's decimals and an
     * empty level's zero is written {@code 0}; the amount and the change percent keep two, a zero written
     * {@code 0.00}: as the vendor writes them.
     */
    private static void record(Utf8Buffer out, RecordLayout layout, RecordValues v, int priceDecimals) {
        for (int i = 0; i < layout.size(); i++) {
            RecordLayout.Field field = layout.field(i);
            if (i > 0) {
                out.ascii(',');
            }
            switch (field.kind()) {
                case TIME -> out.timeOfDay(v.timeOfDayMillis, layout.level() == QuoteLevel.LV2);
                case TEXT -> name(out, v.name);
                case INTEGER -> out.number(v.number(field));
                case PRICE, SIGNED_PRICE -> {
                    if (field.role() == Role.AMOUNT || field.role() == Role.CHANGE_PERCENT) {
                        decimal(out, v.number(field), MIN_DECIMALS);
                    } else {
                        price(out, v.number(field), priceDecimals);
                    }
                }
            }
        }
    }

    private void level1Values(int timeOfDayMillis, String name, long price, long changePercent, long volume,
                              long amount) {
        values.timeOfDayMillis = timeOfDayMillis;
        values.name = name;
        values.price = price;
        values.changePercent = changePercent;
        values.volume = volume;
        values.amount = amount;
    }

    private void level10Values(int timeOfDayMillis, String name, long price, long lastClose, long amount,
                               long volume) {
        values.timeOfDayMillis = timeOfDayMillis;
        values.name = name;
        values.price = price;
        values.lastClose = lastClose;
        values.amount = amount;
        values.volume = volume;
    }

    private static void tradeValues(RecordValues v, int timeOfDayMillis, long tradeId, long price, long quantity) {
        v.timeOfDayMillis = timeOfDayMillis;
        v.tradeId = tradeId;
        v.price = price;
        v.quantity = quantity;
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
        out.text(name);
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
