package io.jvq.core.candle;

import org.jspecify.annotations.Nullable;

/**
 * One security's day: the bar being built and the index of the first bar not yet emitted. One object
 * per security per day; the bar is fields, so a trade allocates nothing.
 */
final class SecurityBars {
    static final int ADDED = 0;
    /** The trade's bar was emitted already. */
    static final int LATE = 1;
    /** The trade's price × quantity, or the bar's volume or amount with it, would overflow a long. */
    static final int OVERFLOW = 2;

    final String symbol;
    private final CandlePeriod period;
    private final CandleListener listener;
    private int next = -1;
    /** The group of held trades this security was last counted in ({@link HeldTrades}). */
    private int heldGroup;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long amount;
    private int trades;

    SecurityBars(String symbol, CandlePeriod period, CandleListener listener) {
        this.symbol = symbol;
        this.period = period;
        this.listener = listener;
    }

    /** The index of the bar being built (the first not yet emitted); -1 before the first trade. */
    int next() {
        return next;
    }

    /**
     * Counts this security in held-trade group {@code group}: true the first time, so distinct
     * securities are counted without a set.
     */
    boolean joinHeldGroup(int group) {
        if (heldGroup == group) {
            return false;
        }
        heldGroup = group;
        return true;
    }

    /**
     * Adds a trade to bar {@code index}, emitting the bars before it first; {@link #LATE} when that
     * bar was emitted already, {@link #OVERFLOW} when the amount or volume would overflow. Either
     * way nothing has changed: every sum is computed before the bar is touched.
     */
    int add(int index, long price, long quantity) {
        if (next >= 0 && index < next) {
            return LATE;
        }
        boolean sameBar = index == next && trades > 0;
        long newAmount;
        long newVolume;
        try {
            long value = Math.multiplyExact(price, quantity);
            newAmount = sameBar ? Math.addExact(amount, value) : value;
            newVolume = sameBar ? Math.addExact(volume, quantity) : quantity;
        } catch (ArithmeticException e) {
            return OVERFLOW;
        }
        if (next < 0) {
            next = index;
        } else if (index > next) {
            emitBefore(index);
        }
        if (sameBar) {
            high = Math.max(high, price);
            low = Math.min(low, price);
        } else {
            open = price;
            high = price;
            low = price;
        }
        close = price;
        volume = newVolume;
        amount = newAmount;
        trades++;
        return ADDED;
    }

    /** Emits the bar being built and flat bars for the periods after it, up to bar {@code index}. */
    void emitBefore(int index) {
        if (next < 0) {
            return;
        }
        while (next < index) {
            listener.onCandle(candle(false));
            next++;
            open = close;
            high = close;
            low = close;
            volume = 0;
            amount = 0;
            trades = 0;
        }
    }

    /** Emits the bar being built, if it has trades: partial unless {@code graceClock} (the clock less the grace) is past its end. */
    void emitOpen(int graceClock) {
        if (next >= 0 && trades > 0) {
            listener.onCandle(candle(graceClock < CandleSchedule.closesAt(next, period)));
        }
    }

    /** The bar being built, as a partial candle; null when it has no trade. */
    @Nullable Candle current() {
        return trades == 0 ? null : candle(true);
    }

    private Candle candle(boolean partial) {
        return new Candle(symbol, period, CandleSchedule.endMinuteOfDay(next, period), open, high, low, close,
                volume, amount, trades, partial);
    }
}
