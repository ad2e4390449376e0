package io.jvq.sim;

import io.jvq.core.TimeOfDay;

/** The phases of an A-share trading day, by time of day (China Standard Time). */
enum MarketPhase {
    /** Before 09:15: nothing happens; level 1 shows the previous close and an empty book. */
    PRE_OPEN,
    /** 09:15–09:25 opening call auction: an indicative price, no trades until the uncross at 09:25. */
    OPENING_AUCTION,
    /** 09:25–09:30: the open is known, continuous trading has not begun. */
    AWAITING_CONTINUOUS,
    /** 09:30–11:30 and 13:00–15:00. */
    CONTINUOUS,
    /** 11:30–13:00: the clock jumps over it. */
    LUNCH_BREAK,
    /** From 15:00: no more trades; level 1 keeps reporting the close. */
    CLOSED;

    static final int AUCTION_OPEN = TimeOfDay.of(9, 15, 0, 0);
    static final int AUCTION_UNCROSS = TimeOfDay.of(9, 25, 0, 0);
    static final int MORNING_OPEN = TimeOfDay.of(9, 30, 0, 0);
    static final int MORNING_CLOSE = TimeOfDay.of(11, 30, 0, 0);
    static final int AFTERNOON_OPEN = TimeOfDay.of(13, 0, 0, 0);
    static final int MARKET_CLOSE = TimeOfDay.of(15, 0, 0, 0);

    /** Where the clock stops so that a tick never crosses a phase change. */
    static final int[] BOUNDARIES = {AUCTION_OPEN, AUCTION_UNCROSS, MORNING_OPEN, MORNING_CLOSE, AFTERNOON_OPEN,
        MARKET_CLOSE};

    static MarketPhase at(int millisOfDay) {
        if (millisOfDay < AUCTION_OPEN) {
            return PRE_OPEN;
        }
        if (millisOfDay < AUCTION_UNCROSS) {
            return OPENING_AUCTION;
        }
        if (millisOfDay < MORNING_OPEN) {
            return AWAITING_CONTINUOUS;
        }
        if (millisOfDay < MORNING_CLOSE) {
            return CONTINUOUS;
        }
        if (millisOfDay < AFTERNOON_OPEN) {
            return LUNCH_BREAK;
        }
        if (millisOfDay < MARKET_CLOSE) {
            return CONTINUOUS;
        }
        return CLOSED;
    }
}
