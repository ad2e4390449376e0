package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, per code and trading day, the trade ids delivered: the highest {@code window} of them
 * ({@link TradeIdWindow}). A set and not a high-water mark, because ids arrive out of order when
 * two bridges publish during a hand-over: the old one, lagging, still publishes trades the new one
 * never had, after the new one's first. Ids start over the next day.
 *
 * <p>A trade below the window (or of a day before the code's latest) cannot be checked: it is
 * delivered, not dropped, and counted as {@link TradeIdWindow.Verdict#UNCHECKED}.
 */
final class TradeDeduplicator {
    private static final long SHANGHAI_OFFSET_SECONDS = 8 * 3600;

    private final int window;
    private final Map<SubscriptionCode, Day> days = new HashMap<>();

    /** {@code window}: ids remembered per code, rounded up to a power of two. */
    TradeDeduplicator(int window) {
        if (window < 1 || window > 1 << 24) {
            throw new IllegalArgumentException("window must be between 1 and 2^24 ids, got " + window);
        }
        this.window = window == 1 ? 1 : Integer.highestOneBit(window - 1) << 1;
    }

    TradeIdWindow.Verdict check(SubscriptionCode code, long tradeId, long tradingDay) {
        Day day = days.get(code);
        if (day == null) {
            day = new Day(tradingDay, new TradeIdWindow(window));
            days.put(code, day);
        } else if (tradingDay > day.day) {
            day.day = tradingDay;
            day.ids.clear();
        } else if (tradingDay < day.day) {
            return TradeIdWindow.Verdict.UNCHECKED;
        }
        return day.ids.offer(tradeId);
    }

    /** The ids remembered per code at most (a power of two). */
    int window() {
        return window;
    }

    /** The day in Shanghai (the exchanges' time zone, UTC+8 all year) of an instant, as days since the epoch. */
    static long tradingDay(long epochNanos) {
        return Math.floorDiv(Math.floorDiv(epochNanos, 1_000_000_000L) + SHANGHAI_OFFSET_SECONDS, 86_400L);
    }

    private static final class Day {
        long day;
        final TradeIdWindow ids;

        Day(long day, TradeIdWindow ids) {
            this.day = day;
            this.ids = ids;
        }
    }
}
