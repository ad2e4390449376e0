package io.jvq.core.market;

import static io.jvq.core.market.TradingHours.AFTERNOON_OPEN;
import static io.jvq.core.market.TradingHours.CLOSING_AUCTION_START;
import static io.jvq.core.market.TradingHours.MARKET_CLOSE;
import static io.jvq.core.market.TradingHours.MORNING_CLOSE;
import static io.jvq.core.market.TradingHours.MORNING_OPEN;
import static io.jvq.core.market.TradingHours.OPENING_AUCTION_MATCH;
import static io.jvq.core.market.TradingHours.OPENING_AUCTION_START;

/** The phases of an A-share trading day, by time of day ({@link TradingHours}). */
public enum MarketPhase {
    /** Before 09:15. */
    PRE_OPEN,
    /** 09:15–09:25 opening call auction: orders and an indicative price, no trades until it matches at 09:25. */
    OPENING_AUCTION,
    /** 09:25–09:30: the open is known, continuous trading has not begun. */
    AWAITING_CONTINUOUS,
    /** 09:30–11:30 and 13:00–14:57. */
    CONTINUOUS,
    /** 11:30–13:00. */
    LUNCH_BREAK,
    /** 14:57–15:00 closing call auction: it matches at 15:00. */
    CLOSING_AUCTION,
    /** From 15:00. */
    CLOSED;

    /** The phase at {@code millisOfDay}. */
    public static MarketPhase at(int millisOfDay) {
        if (millisOfDay < OPENING_AUCTION_START) {
            return PRE_OPEN;
        }
        if (millisOfDay < OPENING_AUCTION_MATCH) {
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
        if (millisOfDay < CLOSING_AUCTION_START) {
            return CONTINUOUS;
        }
        if (millisOfDay < MARKET_CLOSE) {
            return CLOSING_AUCTION;
        }
        return CLOSED;
    }
}
