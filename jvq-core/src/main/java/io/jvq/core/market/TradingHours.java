package io.jvq.core.market;

import io.jvq.core.TimeOfDay;

/**
 * The trading day of both mainland exchanges, as milliseconds since midnight, China Standard Time
 * (the feed's clock). Every trading day is the same; which days are trading days (weekends,
 * holidays) is not known here.
 */
public final class TradingHours {
    /** 09:15: the opening call auction starts taking orders. */
    public static final int OPENING_AUCTION_START = TimeOfDay.of(9, 15, 0, 0);
    /** 09:25: the opening call auction matches (its trades are stamped 09:25). */
    public static final int OPENING_AUCTION_MATCH = TimeOfDay.of(9, 25, 0, 0);
    /** 09:30: morning continuous trading. */
    public static final int MORNING_OPEN = TimeOfDay.of(9, 30, 0, 0);
    /** 11:30: lunch break. */
    public static final int MORNING_CLOSE = TimeOfDay.of(11, 30, 0, 0);
    /** 13:00: afternoon continuous trading. */
    public static final int AFTERNOON_OPEN = TimeOfDay.of(13, 0, 0, 0);
    /** 14:57: the closing call auction (both exchanges). */
    public static final int CLOSING_AUCTION_START = TimeOfDay.of(14, 57, 0, 0);
    /** 15:00: the closing call auction matches (its trades are stamped 15:00) and the day ends. */
    public static final int MARKET_CLOSE = TimeOfDay.of(15, 0, 0, 0);

    /** Minutes of continuous trading in a day: 120 in the morning, 120 in the afternoon. */
    public static final int CONTINUOUS_MINUTES = 240;

    private TradingHours() {
    }
}
