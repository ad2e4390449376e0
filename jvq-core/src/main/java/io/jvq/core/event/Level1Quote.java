package io.jvq.core.event;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A level-1 snapshot (PROTOCOL §5.1): last price, change, volume, turnover and five levels a side.
 * Prices, turnover and the change percentage are fixed point (1/10,000, see {@link FixedPoint}).
 * An empty level has quantity and price 0.
 */
public final class Level1Quote implements QuoteEvent {
    /** Levels per side. */
    public static final int DEPTH = 5;

    private final SubscriptionCode code;
    private final int timeOfDayMillis;
    private final String name;
    private final long price;
    private final long changePercent;
    private final long volume;
    private final long amount;
    /** Wire order: b1q,b1p,…,b5q,b5p,a1q,a1p,…,a5q,a5p. */
    private final long[] book;

    /**
     * @param book the 20 book fields in wire order: five bid (quantity, price) pairs, best first,
     *             then five ask pairs; copied
     */
    public Level1Quote(SubscriptionCode code, int timeOfDayMillis, String name, long price, long changePercent,
                       long volume, long amount, long[] book) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        if (book.length != 4 * DEPTH) {
            throw new IllegalArgumentException("a level-1 book has " + 4 * DEPTH + " fields, got " + book.length);
        }
        this.timeOfDayMillis = timeOfDayMillis;
        this.price = price;
        this.changePercent = changePercent;
        this.volume = volume;
        this.amount = amount;
        this.book = book.clone();
    }

    @Override
    public SubscriptionCode code() {
        return code;
    }

    @Override
    public int timeOfDayMillis() {
        return timeOfDayMillis;
    }

    public LocalTime time() {
        return TimeOfDay.toLocalTime(timeOfDayMillis);
    }

    /** Security name, e.g. 贵州茅台. */
    public String name() {
        return name;
    }

    /** Last price, fixed point. */
    public long price() {
        return price;
    }

    public BigDecimal priceDecimal() {
        return FixedPoint.toBigDecimal(price);
    }

    /** Change in percent, fixed point: 1.23% is {@code 12300}. */
    public long changePercent() {
        return changePercent;
    }

    public BigDecimal changePercentDecimal() {
        return FixedPoint.toBigDecimal(changePercent);
    }

    /** Volume traded today, shares. */
    public long volume() {
        return volume;
    }

    /** Turnover today in yuan, fixed point. */
    public long amount() {
        return amount;
    }

    public BigDecimal amountDecimal() {
        return FixedPoint.toBigDecimal(amount);
    }

    /** Bid quantity at {@code level} (1 = best … 5). */
    public long bidQuantity(int level) {
        return book[index(level, 0)];
    }

    public long bidPrice(int level) {
        return book[index(level, 0) + 1];
    }

    public long askQuantity(int level) {
        return book[index(level, 2 * DEPTH)];
    }

    public long askPrice(int level) {
        return book[index(level, 2 * DEPTH) + 1];
    }

    /** The 20 book fields in wire order (a copy). */
    public long[] book() {
        return book.clone();
    }

    private static int index(int level, int sideOffset) {
        if (level < 1 || level > DEPTH) {
            throw new IndexOutOfBoundsException("level " + level + " is not in 1.." + DEPTH);
        }
        return sideOffset + (level - 1) * 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Level1Quote q && timeOfDayMillis == q.timeOfDayMillis && price == q.price
                && changePercent == q.changePercent && volume == q.volume && amount == q.amount
                && code.equals(q.code) && name.equals(q.name) && Arrays.equals(book, q.book);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, timeOfDayMillis, price, volume) * 31 + Arrays.hashCode(book);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(160).append("Level1Quote[").append(code).append(' ')
                .append(TimeOfDay.format(timeOfDayMillis, false)).append(' ').append(name)
                .append(" price=").append(FixedPoint.format(price))
                .append(" chg=").append(FixedPoint.format(changePercent)).append('%')
                .append(" vol=").append(volume)
                .append(" amt=").append(FixedPoint.format(amount)).append(" bids=");
        side(out, 0);
        out.append(" asks=");
        side(out, 2 * DEPTH);
        return out.append(']').toString();
    }

    private void side(StringBuilder out, int offset) {
        for (int i = 0; i < DEPTH; i++) {
            out.append(i == 0 ? "" : ",").append(book[offset + 2 * i]).append('@')
                    .append(FixedPoint.format(book[offset + 2 * i + 1]));
        }
    }
}
