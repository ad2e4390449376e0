package io.jvq.core.candle;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every security's bars of one day, and the bars the exchange clock has closed for all of them. Counts
 * the trades that go into no bar for their time or size; whether a time is believed is
 * {@link ExchangeClock}'s job.
 */
final class DayBars {
    private final CandlePeriod period;
    private final CandleListener listener;
    private final int grace;
    private final Map<String, SecurityBars> bySymbol = new HashMap<>();
    /** The same, in order of first trade: emission order when the clock closes bars. */
    private final List<SecurityBars> all = new ArrayList<>();
    /** Bars before this index are closed for every security. */
    private int barsClosed;
    private long outOfSession;
    private long late;
    private long overflow;

    DayBars(CandlePeriod period, CandleListener listener, int grace) {
        this.period = period;
        this.listener = listener;
        this.grace = grace;
    }

    /** The bars of {@code symbol}, made at its first trade of the day. */
    SecurityBars bars(String symbol) {
        SecurityBars bars = bySymbol.get(symbol);
        if (bars == null) {
            bars = new SecurityBars(symbol, period, listener);
            bySymbol.put(symbol, bars);
            all.add(bars);
        }
        return bars;
    }

    @Nullable SecurityBars find(String symbol) {
        return bySymbol.get(symbol);
    }

    /** Securities seen this day, plausible or not. */
    int securities() {
        return bySymbol.size();
    }

    /** A trade at {@code time}, which the clock has reached already: into its bar, or counted. */
    void add(SecurityBars bars, int time, long price, long quantity) {
        int minute = CandleSchedule.tradingMinute(time);
        if (minute < 0) {
            outOfSession++;
            return;
        }
        int result = bars.add(minute / period.minutes(), price, quantity);
        if (result == SecurityBars.LATE) {
            late++;
        } else if (result == SecurityBars.OVERFLOW) {
            overflow++;
        } else if (bars.next() < barsClosed) {
            // a security's first trade, in a bar the clock has passed already
            bars.emitBefore(barsClosed);
        }
    }

    /** The clock has moved to {@code clock}: emits every security's bars it has passed by the grace. */
    void clockAt(int clock) {
        int closed = CandleSchedule.barsClosedAt(clock - grace, period);
        if (closed > barsClosed) {
            barsClosed = closed;
            for (SecurityBars bars : all) {
                bars.emitBefore(closed);
            }
        }
    }

    /** Ends the day with the clock at {@code clock}: emits every open bar and forgets every security. */
    void end(int clock) {
        for (SecurityBars bars : all) {
            bars.emitOpen(clock - grace);
        }
        bySymbol.clear();
        all.clear();
        barsClosed = 0;
    }

    long outOfSession() {
        return outOfSession;
    }

    long late() {
        return late;
    }

    long overflow() {
        return overflow;
    }
}
