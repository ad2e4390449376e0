package io.jvq.core.candle;

import static io.jvq.core.market.TradingHours.AFTERNOON_OPEN;
import static io.jvq.core.market.TradingHours.CONTINUOUS_MINUTES;
import static io.jvq.core.market.TradingHours.MARKET_CLOSE;
import static io.jvq.core.market.TradingHours.MORNING_CLOSE;
import static io.jvq.core.market.TradingHours.MORNING_OPEN;
import static io.jvq.core.market.TradingHours.OPENING_AUCTION_MATCH;

/**
 * Which bar a trade time falls in, by the A-share convention: the 240 minutes of continuous trading
 * are numbered 0 … 239 (09:30 … 11:29, 13:00 … 14:59); the opening auction's trades (09:25:xx, and
 * anything up to 09:30) count as minute 0, the 11:30:xx trades as minute 119, the closing auction's
 * 15:00:xx trades as minute 239. A bar of N minutes is minutes {@code [iN, (i+1)N)}, labelled by its
 * end: 09:31 … 11:30, 13:01 … 15:00 for one minute; 10:30, 11:30, 14:00, 15:00 for an hour.
 */
final class CandleSchedule {
    private static final int MINUTE = 60_000;
    private static final int HALF_DAY = CONTINUOUS_MINUTES / 2;
    private static final int MORNING_OPEN_MINUTE = MORNING_OPEN / MINUTE;
    private static final int AFTERNOON_OPEN_MINUTE = AFTERNOON_OPEN / MINUTE;
    /** Trades up to here belong to the morning (11:30:xx is the 11:30 bar). */
    static final int MORNING_LAST_TRADE = MORNING_CLOSE + MINUTE;
    /** Trades up to here belong to the afternoon (15:00:xx is the closing auction's match). */
    static final int DAY_LAST_TRADE = MARKET_CLOSE + MINUTE;

    private CandleSchedule() {
    }

    /** The minute of continuous trading (0 … 239) a trade at {@code millisOfDay} counts in; -1 outside the sessions. */
    static int tradingMinute(int millisOfDay) {
        if (millisOfDay < OPENING_AUCTION_MATCH) {
            return -1;
        }
        if (millisOfDay < MORNING_LAST_TRADE) {
            return Math.max(0, Math.min(HALF_DAY - 1, millisOfDay / MINUTE - MORNING_OPEN_MINUTE));
        }
        if (millisOfDay < AFTERNOON_OPEN || millisOfDay >= DAY_LAST_TRADE) {
            return -1;
        }
        return HALF_DAY + Math.min(HALF_DAY - 1, millisOfDay / MINUTE - AFTERNOON_OPEN_MINUTE);
    }

    /**
     * Trading time: milliseconds of trading since 09:30, the gaps of the day collapsed (09:25–09:30
     * and 11:30–13:00 take none), linear before 09:25 (negative) and after 13:00, so that the time
     * from the auction to the open, or from 11:30 to 13:00, is no jump.
     */
    static int tradingMillis(int millisOfDay) {
        if (millisOfDay < OPENING_AUCTION_MATCH) {
            return millisOfDay - OPENING_AUCTION_MATCH;
        }
        if (millisOfDay < MORNING_OPEN) {
            return 0;
        }
        if (millisOfDay < MORNING_CLOSE) {
            return millisOfDay - MORNING_OPEN;
        }
        if (millisOfDay < AFTERNOON_OPEN) {
            return MORNING_CLOSE - MORNING_OPEN;
        }
        return MORNING_CLOSE - MORNING_OPEN + millisOfDay - AFTERNOON_OPEN;
    }

    /** How many bars of {@code period} the day has. */
    static int barsPerDay(CandlePeriod period) {
        return CONTINUOUS_MINUTES / period.minutes();
    }

    /** How many of the day's bars no trade at or after {@code millisOfDay} can fall in any more. */
    static int barsClosedAt(int millisOfDay, CandlePeriod period) {
        int minute = tradingMinute(millisOfDay);
        if (minute >= 0) {
            return minute / period.minutes();
        }
        if (millisOfDay < OPENING_AUCTION_MATCH) {
            return 0;
        }
        return millisOfDay < AFTERNOON_OPEN ? HALF_DAY / period.minutes() : barsPerDay(period);
    }

    /** The time of day, in minutes, that labels bar {@code index}: its end. */
    static int endMinuteOfDay(int index, CandlePeriod period) {
        int end = (index + 1) * period.minutes();
        return end <= HALF_DAY ? MORNING_OPEN_MINUTE + end : AFTERNOON_OPEN_MINUTE + end - HALF_DAY;
    }

    /** The first millisecond at which no trade falls in bar {@code index} any more. */
    static int closesAt(int index, CandlePeriod period) {
        int lastMinute = (index + 1) * period.minutes() - 1;
        if (lastMinute == HALF_DAY - 1) {
            return MORNING_LAST_TRADE;
        }
        if (lastMinute == CONTINUOUS_MINUTES - 1) {
            return DAY_LAST_TRADE;
        }
        return (lastMinute < HALF_DAY ? MORNING_OPEN_MINUTE + lastMinute + 1
                : AFTERNOON_OPEN_MINUTE + lastMinute - HALF_DAY + 1) * MINUTE;
    }
}
