package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.Level1Quote;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * One level-1 snapshot as a reusable flyweight: valid only during {@link QuoteSink#onLevel1}.
 * Accessors mirror {@link Level1Quote}; the name is decoded from the frame bytes only when asked for.
 */
public final class Level1View {
    private static final int DEPTH = Level1Quote.DEPTH;

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
    private long changePercent;
    private long volume;
    private long amount;
    /** Wire order, as in {@link Level1Quote#book()}: b1q,b1p,…,b5q,b5p,a1q,a1p,…,a5q,a5p. */
    final long[] book = new long[4 * DEPTH];

    Level1View() {
    }

    @Initializer
    void set(CodeTable.@Nullable Entry names, SubscriptionCode code, int timeOfDayMillis, byte[] nameBytes, int nameOffset,
             int nameLength, long price, long changePercent, long volume, long amount) {
        this.names = names;
        this.code = code;
        this.timeOfDayMillis = timeOfDayMillis;
        this.nameBytes = nameBytes;
        this.nameOffset = nameOffset;
        this.nameLength = nameLength;
        this.name = null;
        this.price = price;
        this.changePercent = changePercent;
        this.volume = volume;
        this.amount = amount;
    }

    public SubscriptionCode code() {
        return code;
    }

    public int timeOfDayMillis() {
        return timeOfDayMillis;
    }

    /**
     * Security name (UTF-8 on the wire), decoded on first call; the same String as the code's previous
     * snapshot when the name's bytes are unchanged, so a steady feed allocates nothing for it.
     */
    public String name() {
        if (name == null) {
            name = names != null ? names.name(nameBytes, nameOffset, nameLength)
                    : new String(nameBytes, nameOffset, nameLength, StandardCharsets.UTF_8);
        }
        return name;
    }

    /** Last price, fixed point. */
    public long price() {
        return price;
    }

    /** Change in percent, fixed point: 1.23% is {@code 12300}. */
    public long changePercent() {
        return changePercent;
    }

    /** Volume traded today, shares. */
    public long volume() {
        return volume;
    }

    /** Turnover today in yuan, fixed point. */
    public long amount() {
        return amount;
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

    public Level1Quote toEvent() {
        return new Level1Quote(code, timeOfDayMillis, name(), price, changePercent, volume, amount, book);
    }

    private static int index(int level, int sideOffset) {
        if (level < 1 || level > DEPTH) {
            throw new IndexOutOfBoundsException("level " + level + " is not in 1.." + DEPTH);
        }
        return sideOffset + (level - 1) * 2;
    }

    @Override
    public String toString() {
        return toEvent().toString();
    }
}
