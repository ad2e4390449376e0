package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.Level10Book;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * One ten-level book as a reusable flyweight: valid only during {@link QuoteSink#onLevel10}.
 * Accessors mirror {@link Level10Book}; the name is decoded from the frame bytes only when asked for.
 */
public final class Level10View {
    private static final int DEPTH = Level10Book.DEPTH;

    private SubscriptionCode code;
    private int timeOfDayMillis;
    private byte[] nameBytes;
    private int nameOffset;
    private int nameLength;
    /** Made on first call to {@link #name()}; null until then. */
    private @Nullable String name;
    /** Where this code's last name is remembered, or null (a code past the table's limit). */
    private CodeTable.@Nullable Entry names;
    private long price;
    private long lastClose;
    private long amount;
    private long volume;
    /** Wire order, as in {@link Level10Book#book()}: ten bid prices, ten bid quantities, ten ask prices, ten ask quantities. */
    final long[] book = new long[4 * DEPTH];

    Level10View() {
    }

    @Initializer
    void set(CodeTable.@Nullable Entry names, SubscriptionCode code, int timeOfDayMillis, byte[] nameBytes, int nameOffset,
             int nameLength, long price, long lastClose, long amount, long volume) {
        this.names = names;
        this.code = code;
        this.timeOfDayMillis = timeOfDayMillis;
        this.nameBytes = nameBytes;
        this.nameOffset = nameOffset;
        this.nameLength = nameLength;
        this.name = null;
        this.price = price;
        this.lastClose = lastClose;
        this.amount = amount;
        this.volume = volume;
    }

    public SubscriptionCode code() {
        return code;
    }

    public int timeOfDayMillis() {
        return timeOfDayMillis;
    }

    /**
     * Security name, decoded on first call; the same String as the code's previous book when the name's
     * bytes are unchanged, so a steady feed allocates nothing for it (as {@link Level1View#name()}).
     */
    public String name() {
        if (name == null) {
            name = names != null ? names.name(nameBytes, nameOffset, nameLength)
                    : new String(nameBytes, nameOffset, nameLength, StandardCharsets.UTF_8);
        }
        return name;
    }

    public long price() {
        return price;
    }

    /** Previous close, fixed point. */
    public long lastClose() {
        return lastClose;
    }

    /** Turnover in yuan, fixed point. */
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

    public Level10Book toEvent() {
        return new Level10Book(code, timeOfDayMillis, name(), price, lastClose, amount, volume, book);
    }

    private static int index(int level, int offset) {
        if (level < 1 || level > DEPTH) {
            throw new IndexOutOfBoundsException("level " + level + " is not in 1.." + DEPTH);
        }
        return offset + level - 1;
    }

    @Override
    public String toString() {
        return toEvent().toString();
    }
}
