package io.jvq.core.candle;

import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.Level2Trade;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds candlesticks of one period from level-2 trades, per security, by the A-share session rules
 * ({@link CandleSchedule}). Attach it as the {@link QuoteSink} of a client
 * ({@code JvqClient.builder().quoteSink(aggregator)}), of any other source of views, or feed it
 * {@link Level2Trade} events; quotes other than trades are ignored.
 *
 * <p>A bar is emitted to the {@link CandleListener} when a trade of a later bar of its security
 * arrives, when the exchange clock (the latest trade time seen, of any security) passes its end,
 * or, marked partial if it had not ended, on {@link #finish()}. After a security's first trade,
 * every period with no trade gives a flat bar at the last close with zero volume. Trades outside
 * the sessions (before 09:25, 11:31–12:59, after 15:00:59) go into no bar and are counted, as are
 * trades stamped in a bar already emitted. A trade stamped two hours or more before the clock
 * starts a new day (the feed has no dates): the old day's bars are emitted first. Call
 * {@link #finish()} at the end of a day to end it yourself.
 *
 * <p>Per trade it allocates nothing (after a security's first trade); a bar is one object. Not
 * thread-safe: feed it from one thread (a client's reader thread is one); the listener runs there.
 */
public final class CandleAggregator implements QuoteSink {
    /**
     * A trade this far before the clock is the next day's: within a day a trade is never hours late,
     * and the next day's auction is at least two hours before any afternoon clock.
     */
    static final int NEW_DAY_GAP = 2 * 3_600_000;

    private final CandlePeriod period;
    private final CandleListener listener;
    private final Map<String, Bars> bySymbol = new HashMap<>();
    /** The same, in order of first trade: emission order when the clock closes bars. */
    private final List<Bars> all = new ArrayList<>();
    private final int barsPerDay;
    private int clock = -1;
    private int barsClosed;
    private long trades;
    private long outOfSession;
    private long late;

    public CandleAggregator(CandlePeriod period, CandleListener listener) {
        this.period = Objects.requireNonNull(period, "period");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.barsPerDay = CandleSchedule.barsPerDay(period);
    }

    public CandlePeriod period() {
        return period;
    }

    @Override
    public void onTrade(TradeView trade) {
        onTrade(trade.code().symbol(), trade.timeOfDayMillis(), trade.price(), trade.quantity());
    }

    public void onTrade(Level2Trade trade) {
        onTrade(trade.code().symbol(), trade.timeOfDayMillis(), trade.price(), trade.quantity());
    }

    /**
     * One trade.
     *
     * @param price    fixed point, {@code 1/10,000} yuan
     * @param quantity shares
     */
    public void onTrade(String symbol, int timeOfDayMillis, long price, long quantity) {
        trades++;
        if (clock - timeOfDayMillis >= NEW_DAY_GAP) {
            newDay();
        }
        if (timeOfDayMillis > clock) {
            clock = timeOfDayMillis;
            int closed = CandleSchedule.barsClosedAt(clock, period);
            if (closed > barsClosed) {
                barsClosed = closed;
                for (Bars bars : all) {
                    bars.emitBefore(closed);
                }
            }
        }
        int minute = CandleSchedule.tradingMinute(timeOfDayMillis);
        if (minute < 0) {
            outOfSession++;
            return;
        }
        Bars bars = bySymbol.get(symbol);
        if (bars == null) {
            bars = new Bars(symbol);
            bySymbol.put(symbol, bars);
            all.add(bars);
        }
        if (!bars.add(minute / period.minutes(), price, quantity)) {
            late++;
        } else if (bars.next < barsClosed) {
            // a security's first trade, in a bar the clock has passed already
            bars.emitBefore(barsClosed);
        }
    }

    /**
     * The input has ended: emits every security's open bar, marked partial unless the clock has
     * passed its end. The next trade starts a new day.
     */
    public void finish() {
        for (Bars bars : all) {
            bars.emitOpen();
        }
        bySymbol.clear();
        all.clear();
        clock = -1;
        barsClosed = 0;
    }

    /** The bar of {@code symbol} being built, as a partial candle; null when it has none. */
    public @Nullable Candle current(String symbol) {
        Bars bars = bySymbol.get(symbol);
        return bars == null || bars.trades == 0 ? null : bars.candle(true);
    }

    /** The latest trade time seen (milliseconds since midnight); -1 before the first trade of the day. */
    public int clock() {
        return clock;
    }

    /** Trades seen, in a bar or not. */
    public long trades() {
        return trades;
    }

    /** Trades stamped outside the sessions: in no bar. */
    public long outOfSessionTrades() {
        return outOfSession;
    }

    /** Trades stamped in a bar already emitted (the clock had passed its end): in no bar. */
    public long lateTrades() {
        return late;
    }

    private void newDay() {
        barsClosed = barsPerDay;
        for (Bars bars : all) {
            bars.emitBefore(barsPerDay);
        }
        finish();
    }

    @Override
    public void onLevel1(Level1View quote) {
        // candles are made of trades
    }

    @Override
    public void onLevel10(Level10View book) {
        // candles are made of trades
    }

    @Override
    public void onError(DecodeError error) {
        // a line that did not decode is no trade; the source reports it
    }

    /** One security's day: the bar being built and the index of the first bar not yet emitted. */
    private final class Bars {
        private final String symbol;
        private int next;
        private long open;
        private long high;
        private long low;
        private long close;
        private long volume;
        private long amount;
        private int trades;

        Bars(String symbol) {
            this.symbol = symbol;
            this.next = -1;
        }

        /** False when the bar was emitted already. */
        boolean add(int index, long price, long quantity) {
            if (next < 0) {
                next = index;
            } else if (index < next) {
                return false;
            } else if (index > next) {
                emitBefore(index);
            }
            if (trades == 0) {
                open = price;
                high = price;
                low = price;
            } else {
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            close = price;
            volume += quantity;
            amount = Math.addExact(amount, Math.multiplyExact(price, quantity));
            trades++;
            return true;
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

        void emitOpen() {
            if (next >= 0 && trades > 0) {
                listener.onCandle(candle(clock < CandleSchedule.closesAt(next, period)));
            }
        }

        Candle candle(boolean partial) {
            return new Candle(symbol, period, CandleSchedule.endMinuteOfDay(next, period), open, high, low, close,
                    volume, amount, trades, partial);
        }
    }
}
