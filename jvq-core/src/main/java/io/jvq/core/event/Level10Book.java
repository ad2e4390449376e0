package io.jvq.core.event;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A ten-level book (docs/PROTOCOL.md §5.3, vendor extension):
 * {@code time,name,price,lastClose,amount,volume,b1p…b10p,b1q…b10q,a1p…a10p,a1q…a10q}.
 */
public final class Level10Book implements QuoteEvent {
    public static final int DEPTH = 10;

    private final SubscriptionCode code;
    private final int timeOfDayMillis;
    private final String name;
    private final long price;
    private final long lastClose;
    private final long amount;
    private final long volume;
    /** Wire order: ten bid prices, ten bid quantities, ten ask prices, ten ask quantities. */
    private final long[] book;

    /** @param book the 40 book fields in wire order; copied */
    public Level10Book(SubscriptionCode code, int timeOfDayMillis, String name, long price, long lastClose,
                       long amount, long volume, long[] book) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        if (book.length != 4 * DEPTH) {
            throw new IllegalArgumentException("a level-10 book has " + 4 * DEPTH + " fields, got " + book.length);
        }
        this.timeOfDayMillis = timeOfDayMillis;
        this.price = price;
        this.lastClose = lastClose;
        this.amount = amount;
        this.volume = volume;
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

    public String name() {
        return name;
    }

    public long price() {
        return price;
    }

    public BigDecimal priceDecimal() {
        return FixedPoint.toDecimal(price);
    }

    /** Previous close, fixed point. */
    public long lastClose() {
        return lastClose;
    }

    public long amount() {
        return amount;
    }

    public long volume() {
        return volume;
    }

    /** Bid price at {@code level} (1 = best … 10). */
    public long bidPrice(int level) {
        return book[index(level, 0)];
    }

    public long bidQuantity(int level) {
        return book[index(level, DEPTH)];
    }

    public long askPrice(int level) {
        return book[index(level, 2 * DEPTH)];
    }

    public long askQuantity(int level) {
        return book[index(level, 3 * DEPTH)];
    }

    /** The 40 book fields in wire order (a copy). */
    public long[] book() {
        return book.clone();
    }

    private static int index(int level, int offset) {
        if (level < 1 || level > DEPTH) {
            throw new IndexOutOfBoundsException("level " + level + " is not in 1.." + DEPTH);
        }
        return offset + level - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Level10Book b && timeOfDayMillis == b.timeOfDayMillis && price == b.price
                && lastClose == b.lastClose && amount == b.amount && volume == b.volume
                && code.equals(b.code) && name.equals(b.name) && Arrays.equals(book, b.book);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, timeOfDayMillis, price, volume) * 31 + Arrays.hashCode(book);
    }

    @Override
    public String toString() {
        return "Level10Book[" + code + " " + TimeOfDay.format(timeOfDayMillis, false) + " " + name
                + " price=" + FixedPoint.format(price) + " lastClose=" + FixedPoint.format(lastClose)
                + " amt=" + FixedPoint.format(amount) + " vol=" + volume
                + " best=" + bidQuantity(1) + "@" + FixedPoint.format(bidPrice(1))
                + "/" + askQuantity(1) + "@" + FixedPoint.format(askPrice(1)) + "]";
    }
}
