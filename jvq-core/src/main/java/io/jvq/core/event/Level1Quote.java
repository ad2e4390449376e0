package io.jvq.core.event;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A level-1 snapshot (docs/PROTOCOL.md §5.1): last price, change, volume, turnover and five levels a side.
 * Prices, turnover and the change percentage are fixed point (1/10,000, see {@link FixedPoint}): the
 * {@code …Decimal()} accessors give them as exact decimals. An empty level has quantity and price 0.
 * {@link #code()} is the subscription code ({@code lv1_600519}); {@code code().symbol()} the security
 * alone ({@code 600519}). Printed as
 * {@code Level1Quote[600519 贵州茅台 09:30:03 1700.50 +1.23% vol=1200 amt=2040600.00 bid=100@1700.49,200@1700.48 ask=300@1700.51]}
 * (empty levels left out).
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
    // The book as 20 fields rather than an array: a snapshot on the record path is then one
    // object (besides its name), with no array to allocate or copy. Wire order.
    private final long b1q, b1p, b2q, b2p, b3q, b3p, b4q, b4p, b5q, b5p;
    private final long a1q, a1p, a2q, a2p, a3q, a3p, a4q, a4p, a5q, a5p;

    /**
     * @param book the 20 book fields in wire order: five bid (quantity, price) pairs, best first,
     *             then five ask pairs; its values are copied
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
        this.b1q = book[0];
        this.b1p = book[1];
        this.b2q = book[2];
        this.b2p = book[3];
        this.b3q = book[4];
        this.b3p = book[5];
        this.b4q = book[6];
        this.b4p = book[7];
        this.b5q = book[8];
        this.b5p = book[9];
        this.a1q = book[10];
        this.a1p = book[11];
        this.a2q = book[12];
        this.a2p = book[13];
        this.a3q = book[14];
        this.a3p = book[15];
        this.a4q = book[16];
        this.a4p = book[17];
        this.a5q = book[18];
        this.a5p = book[19];
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

    /** Last price, fixed point (1/10,000 yuan): {@code 17005000} is 1700.50. */
    public long price() {
        return price;
    }

    /** The last price as an exact decimal, printed as people write it: {@code 1500.52}, not {@code 1500.5200}. */
    public BigDecimal priceDecimal() {
        return FixedPoint.toDecimal(price);
    }

    /** Change in percent, fixed point: 1.23% is {@code 12300}. */
    public long changePercent() {
        return changePercent;
    }

    /** The change in percent as an exact decimal: {@code 1.23}. */
    public BigDecimal changePercentDecimal() {
        return FixedPoint.toDecimal(changePercent);
    }

    /** Volume traded today, shares. */
    public long volume() {
        return volume;
    }

    /** Turnover today in yuan, fixed point. */
    public long amount() {
        return amount;
    }

    /** Turnover today in yuan as an exact decimal. */
    public BigDecimal amountDecimal() {
        return FixedPoint.toDecimal(amount);
    }

    /** Bid quantity at {@code level} (1 = best … 5). */
    public long bidQuantity(int level) {
        return at(index(level, 0));
    }

    public long bidPrice(int level) {
        return at(index(level, 0) + 1);
    }

    public long askQuantity(int level) {
        return at(index(level, 2 * DEPTH));
    }

    public long askPrice(int level) {
        return at(index(level, 2 * DEPTH) + 1);
    }

    /** The 20 book fields in wire order (a copy). */
    public long[] book() {
        long[] book = new long[4 * DEPTH];
        for (int i = 0; i < book.length; i++) {
            book[i] = at(i);
        }
        return book;
    }

    /** Book field {@code i} in wire order. */
    private long at(int i) {
        return switch (i) {
            case 0 -> b1q;
            case 1 -> b1p;
            case 2 -> b2q;
            case 3 -> b2p;
            case 4 -> b3q;
            case 5 -> b3p;
            case 6 -> b4q;
            case 7 -> b4p;
            case 8 -> b5q;
            case 9 -> b5p;
            case 10 -> a1q;
            case 11 -> a1p;
            case 12 -> a2q;
            case 13 -> a2p;
            case 14 -> a3q;
            case 15 -> a3p;
            case 16 -> a4q;
            case 17 -> a4p;
            case 18 -> a5q;
            case 19 -> a5p;
            default -> throw new IndexOutOfBoundsException("book field " + i);
        };
    }

    private boolean sameBook(Level1Quote q) {
        for (int i = 0; i < 4 * DEPTH; i++) {
            if (at(i) != q.at(i)) {
                return false;
            }
        }
        return true;
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
                && code.equals(q.code) && name.equals(q.name) && sameBook(q);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, timeOfDayMillis, price, volume) * 31 + Arrays.hashCode(book());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(160).append("Level1Quote[").append(code.symbol()).append(' ')
                .append(name).append(' ').append(TimeOfDay.format(timeOfDayMillis, false))
                .append(' ').append(FixedPoint.format(price))
                .append(' ').append(changePercent >= 0 ? "+" : "").append(FixedPoint.format(changePercent)).append('%')
                .append(" vol=").append(volume)
                .append(" amt=").append(FixedPoint.format(amount));
        side(out, " bid=", 0);
        side(out, " ask=", 2 * DEPTH);
        return out.append(']').toString();
    }

    /** The side's levels as {@code quantity@price}, best first, empty ones left out; nothing when all are. */
    private void side(StringBuilder out, String label, int offset) {
        boolean first = true;
        for (int i = 0; i < DEPTH; i++) {
            long quantity = at(offset + 2 * i);
            long levelPrice = at(offset + 2 * i + 1);
            if (quantity == 0 && levelPrice == 0) {
                continue;
            }
            out.append(first ? label : ",").append(quantity).append('@').append(FixedPoint.format(levelPrice));
            first = false;
        }
    }
}
