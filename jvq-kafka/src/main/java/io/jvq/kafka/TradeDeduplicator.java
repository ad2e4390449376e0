package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the last trade id delivered per code and trading day: trade ids increase per code
 * within a day, so a trade whose id is not above the last one was delivered already (a bridge
 * restart, two bridges during a hand-over, a producer retry). Ids start over the next day.
 */
final class TradeDeduplicator {
    private static final long SHANGHAI_OFFSET_SECONDS = 8 * 3600;

    private final Map<SubscriptionCode, long[]> last = new HashMap<>();

    /** True when this trade was seen already; otherwise remembers it. */
    boolean isDuplicate(SubscriptionCode code, long tradeId, long tradingDay) {
        long[] dayAndId = last.get(code);
        if (dayAndId == null) {
            last.put(code, new long[]{tradingDay, tradeId});
            return false;
        }
        if (dayAndId[0] == tradingDay && tradeId <= dayAndId[1]) {
            return true;
        }
        dayAndId[0] = tradingDay;
        dayAndId[1] = tradeId;
        return false;
    }

    /** The day in Shanghai (the exchanges' time zone, UTC+8 all year) of an instant, as days since the epoch. */
    static long tradingDay(long epochNanos) {
        return Math.floorDiv(Math.floorDiv(epochNanos, 1_000_000_000L) + SHANGHAI_OFFSET_SECONDS, 86_400L);
    }
}
