package io.jvq.core.candle;

/**
 * Trades held off the exchange clock while a jump waits for a quorum of securities to agree, in order
 * of arrival. Bounded and kept in parallel arrays, with a second set swapped in to replay into, so
 * holding and replaying allocate nothing. The trades held since the buffer was last empty are one
 * group: the distinct securities counted are the group's.
 */
final class HeldTrades {
    /** Trades held at most while a jump waits for its quorum; more are implausible. */
    static final int CAPACITY = 256;

    /** Takes a replayed trade. */
    @FunctionalInterface
    interface Taker {
        void take(String symbol, int time, long price, long quantity);
    }

    private String[] symbols = new String[CAPACITY];
    private int[] times = new int[CAPACITY];
    private long[] prices = new long[CAPACITY];
    private long[] quantities = new long[CAPACITY];
    private String[] replaySymbols = new String[CAPACITY];
    private int[] replayTimes = new int[CAPACITY];
    private long[] replayPrices = new long[CAPACITY];
    private long[] replayQuantities = new long[CAPACITY];
    private int size;
    /** Distinct securities among the held trades (the current group). */
    private int distinct;
    private int group;
    /** The clock, in trading time, when the current group began. */
    private int since;

    int size() {
        return size;
    }

    /** Distinct securities that have held trades in the current group, counting any beyond the capacity. */
    int distinct() {
        return distinct;
    }

    /** The clock, in trading time, when the current group began. */
    int since() {
        return since;
    }

    /**
     * Holds a trade of {@code bars}' security, the clock at {@code clock}; false when the buffer is
     * full (the trade is implausible), its security counted all the same.
     */
    boolean hold(SecurityBars bars, int clock, int time, long price, long quantity) {
        if (size == 0) {
            group++;
            distinct = 0;
            since = CandleSchedule.tradingMillis(clock);
        }
        if (bars.joinHeldGroup(group)) {
            distinct++;
        }
        if (size == CAPACITY) {
            return false;
        }
        symbols[size] = bars.symbol;
        times[size] = time;
        prices[size] = price;
        quantities[size] = quantity;
        size++;
        return true;
    }

    /** The earliest held time; {@link Integer#MAX_VALUE} when none. */
    int earliest() {
        int earliest = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            earliest = Math.min(earliest, times[i]);
        }
        return earliest;
    }

    /** The earliest held time at or after {@code clock}; {@link Integer#MAX_VALUE} when none. */
    int earliestFrom(int clock) {
        int earliest = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            if (times[i] >= clock) {
                earliest = Math.min(earliest, times[i]);
            }
        }
        return earliest;
    }

    /**
     * Empties the buffer and gives every held trade to {@code taker}, in order of arrival; the taker
     * may hold them again (into the other buffer, swapped in first).
     */
    void replay(Taker taker) {
        String[] heldSymbols = symbols;
        int[] heldTimes = times;
        long[] heldPrices = prices;
        long[] heldQuantities = quantities;
        symbols = replaySymbols;
        times = replayTimes;
        prices = replayPrices;
        quantities = replayQuantities;
        replaySymbols = heldSymbols;
        replayTimes = heldTimes;
        replayPrices = heldPrices;
        replayQuantities = heldQuantities;
        int n = size;
        size = 0;
        for (int i = 0; i < n; i++) {
            taker.take(heldSymbols[i], heldTimes[i], heldPrices[i], heldQuantities[i]);
            heldSymbols[i] = null;
        }
    }

    /** Drops every held trade; returns how many. */
    int abandon() {
        int dropped = size;
        for (int i = 0; i < size; i++) {
            symbols[i] = null;
        }
        size = 0;
        return dropped;
    }
}
