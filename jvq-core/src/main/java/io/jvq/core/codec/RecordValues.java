package io.jvq.core.codec;

import io.jvq.core.codec.RecordLayout.Field;
import io.jvq.core.codec.RecordLayout.Kind;
import io.jvq.core.codec.RecordLayout.Side;

/**
 * The values of one record to write, by what they mean: {@link QuoteLineWriter} walks a {@link RecordLayout}
 * and asks this for each field's value, so the field order lives in the layout alone. Mutable and reused;
 * the book arrays are the caller's (or the writer's scratch), best level first, prices fixed point.
 */
final class RecordValues {
    private static final long[] NO_BOOK = new long[0];

    int timeOfDayMillis;
    String name = "";
    long price;
    long changePercent;
    long lastClose;
    long volume;
    long amount;
    long tradeId;
    long quantity;
    private final long[] bidQuantities;
    private final long[] bidPrices;
    private final long[] askQuantities;
    private final long[] askPrices;

    /** For a record with a book. */
    RecordValues(long[] bidQuantities, long[] bidPrices, long[] askQuantities, long[] askPrices) {
        this.bidQuantities = bidQuantities;
        this.bidPrices = bidPrices;
        this.askQuantities = askQuantities;
        this.askPrices = askPrices;
    }

    /** For a trade, which has no book. */
    RecordValues() {
        this(NO_BOOK, NO_BOOK, NO_BOOK, NO_BOOK);
    }

    void bookLevel(int level, long bidQuantity, long bidPrice, long askQuantity, long askPrice) {
        bidQuantities[level - 1] = bidQuantity;
        bidPrices[level - 1] = bidPrice;
        askQuantities[level - 1] = askQuantity;
        askPrices[level - 1] = askPrice;
    }

    /** The number written in {@code field}: a price or change fixed point, a count as is. */
    long number(Field field) {
        return switch (field.role()) {
            case PRICE -> price;
            case CHANGE_PERCENT -> changePercent;
            case LAST_CLOSE -> lastClose;
            case VOLUME -> volume;
            case AMOUNT -> amount;
            case TRADE_ID -> tradeId;
            case QUANTITY -> quantity;
            case BOOK -> book(field);
            case TIME, NAME -> throw new IllegalArgumentException(field + " is not a number");
        };
    }

    private long book(Field field) {
        boolean isQuantity = field.kind() == Kind.INTEGER;
        long[] side = field.side() == Side.BID
                ? (isQuantity ? bidQuantities : bidPrices)
                : (isQuantity ? askQuantities : askPrices);
        return side[field.level() - 1];
    }
}
