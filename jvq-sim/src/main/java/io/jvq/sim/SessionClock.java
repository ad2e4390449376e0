package io.jvq.sim;

import io.jvq.core.market.MarketPhase;
import io.jvq.core.market.TradingHours;

/**
 * The simulated time of day. Each tick covers a window {@code [start, end)} of at most one interval;
 * the window is cut at phase boundaries (09:15, 09:25, 09:30, 11:30, 13:00, 15:00) so it lies in one
 * phase, and a window that would start in the lunch break starts at 13:00 instead.
 */
final class SessionClock {
    /** The clock stops here rather than wrap past midnight. */
    static final int LAST_MILLI_OF_DAY = 24 * 3600 * 1000 - 1;

    /**
     * Where the clock stops so that a tick never crosses a phase change the simulator models (no
     * closing auction: 14:57 is not one).
     */
    static final int[] BOUNDARIES = {TradingHours.OPENING_AUCTION_START, TradingHours.OPENING_AUCTION_MATCH,
        TradingHours.MORNING_OPEN, TradingHours.MORNING_CLOSE, TradingHours.AFTERNOON_OPEN, TradingHours.MARKET_CLOSE};

    private final int intervalMillis;
    private int now;
    private int windowStart;

    SessionClock(int startMillis, int intervalMillis) {
        this.now = startMillis;
        this.windowStart = startMillis;
        this.intervalMillis = intervalMillis;
    }

    int now() {
        return now;
    }

    /** Start of the window the last {@link #advance()} covered (equal to {@link #now()} before any). */
    int windowStart() {
        return windowStart;
    }

    /** Moves to the end of the next window and returns its phase. */
    MarketPhase advance() {
        int start = now;
        if (MarketPhase.at(start) == MarketPhase.LUNCH_BREAK) {
            start = TradingHours.AFTERNOON_OPEN;
        }
        long end = Math.min((long) start + intervalMillis, LAST_MILLI_OF_DAY);
        for (int boundary : BOUNDARIES) {
            if (start < boundary && boundary < end) {
                end = boundary;
                break;
            }
        }
        windowStart = start;
        now = (int) end;
        return MarketPhase.at(start);
    }
}
