package io.jvq.core.candle;

import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.Level2Trade;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Builds candlesticks of one period from level-2 trades, per security, by the A-share session rules
 * ({@link CandleSchedule}). Attach it as the {@link QuoteSink} of a client
 * ({@code JvqClient.builder().quoteSink(aggregator)}), of any other source of views, or feed it
 * {@link Level2Trade} events; quotes other than trades are ignored.
 *
 * <p>A bar is emitted to the {@link CandleListener} when a trade of a later bar of its security
 * arrives, when the exchange clock (below) has passed its end by the grace (below), or, marked
 * partial if the clock had not, when the day ends ({@link #finish()}, a new date). After a
 * security's first trade, every period with no trade gives a flat bar at the last close with zero
 * volume. Trades outside the sessions (before 09:25, 11:31–12:59, after 15:00:59) go into no bar and
 * are counted, as are trades stamped in a bar already emitted ({@link #lateTrades()}) and trades
 * whose price × quantity overflows ({@link #overflowTrades()}: the bar is left as it was).
 *
 * <p><b>The exchange clock</b> is the latest plausible trade time seen, of any security. One bad
 * timestamp cannot move it:
 * <ul>
 * <li>With a wall clock ({@link Builder#clock}, live use), a trade stamped more than the maximum jump
 *     (default 5 minutes) after the wall's time of day in China (UTC+8) is implausible; any other
 *     time is believed.</li>
 * <li>Without one, a trade stamped more than the maximum jump of <em>trading time</em> after the clock
 *     (the five minutes from the auction to the open and the lunch break count as none), or, with no
 *     date known, two hours or more before it, is held, not used. The clock jumps when held trades
 *     of a quorum of distinct securities (default 3, or every security seen that day if fewer have
 *     traded) say so: to the earliest held time at or after the clock; if all are before it, to the
 *     earliest, on a new day. The held trades are then taken in their order of arrival, so a jump
 *     loses none. Held trades the clock comes within the maximum jump of are taken too. Held trades
 *     still off the clock when it has advanced by the maximum jump since, or when the day ends, are
 *     implausible. With one security a quorum is its own trade: only the wall clock guards it.</li>
 * </ul>
 * An implausible trade goes into no bar, not even its own security's (it would emit that security's
 * bars up to the bad time), and is counted ({@link #implausibleTrades()}). The first trade of a day
 * starts the clock unchecked unless a wall clock is given.
 *
 * <p><b>Grace.</b> Another security's trade past a bar's end closes it only once it is past by the
 * grace (default 1 s), so a trade stamped a few milliseconds before the boundary that arrives
 * after it still lands in its bar; a trade of the bar's own security in a later bar closes it at once.
 *
 * <p><b>Days.</b> The feed has no dates. A wall clock gives them: a trade at a new date in China ends
 * the day first. Without one, {@link #newDay(LocalDate)} tells the date of the trades that follow,
 * and {@link #finish()} ends a day; with a date known, a trade hours before the clock is only late or
 * outside the sessions. With no date at all, a jump back of two hours or more agreed by a quorum
 * (above) starts a new day. Ending a day emits every open bar, partial unless the clock had
 * passed its end; no flat bars are made up for the rest of an unseen day.
 *
 * <p>Per trade it allocates nothing (after a security's first trade of the day; the wall clock's
 * {@code millis()} must not allocate either, as {@link Clock#systemUTC()}'s does not); a bar is one
 * object. Not thread-safe: feed it from one thread (a client's reader thread is one); the listener
 * runs there.
 */
public final class CandleAggregator implements QuoteSink {
    /** The grace by default: a bar closes when the clock is past its end by this much. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);
    /** The maximum jump by default: how far ahead of the clock (or the wall) a trade may be stamped. */
    public static final Duration DEFAULT_MAX_JUMP = Duration.ofMinutes(5);
    /** How many distinct securities must agree on a jump of the clock, by default. */
    public static final int DEFAULT_QUORUM = 3;

    private final CandlePeriod period;
    /** The bars, per security, of the day in progress. */
    private final DayBars day;
    /** Which trades are believed, and the day's date. */
    private final ExchangeClock clock;
    private long trades;

    /** Defaults: grace 1 s, maximum jump 5 minutes, quorum 3, no wall clock. */
    public CandleAggregator(CandlePeriod period, CandleListener listener) {
        this(builder(period, listener));
    }

    private CandleAggregator(Builder builder) {
        this.period = builder.period;
        this.day = new DayBars(builder.period, builder.listener, builder.grace);
        this.clock = new ExchangeClock(day, builder.maxJump, builder.quorum, builder.wall);
    }

    public static Builder builder(CandlePeriod period, CandleListener listener) {
        return new Builder(period, listener);
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
        clock.onTrade(symbol, timeOfDayMillis, price, quantity);
    }

    /**
     * The trades that follow are of {@code date} (in China). A date other than the current day's ends
     * that day first, as {@link #finish()} does; the first call dates the day in progress. For use
     * without a wall clock (replaying a capture, say): with one, its date wins at the next trade.
     */
    public void newDay(LocalDate date) {
        clock.newDay(date.toEpochDay());
    }

    /**
     * The input has ended (or the day has): emits every security's open bar, marked partial unless
     * the clock has passed its end by the grace; trades still held are implausible. The next trade
     * starts a new day (of the same date unless told otherwise).
     */
    public void finish() {
        clock.finish();
    }

    /** The bar of {@code symbol} being built, as a partial candle; null when it has none. */
    public @Nullable Candle current(String symbol) {
        SecurityBars bars = day.find(symbol);
        return bars == null ? null : bars.current();
    }

    /** The exchange clock: the latest plausible trade time (milliseconds since midnight); -1 before the day's first. */
    public int clock() {
        return clock.time();
    }

    /** Trades seen, in a bar or not. */
    public long trades() {
        return trades;
    }

    /** Trades stamped outside the sessions: in no bar. */
    public long outOfSessionTrades() {
        return day.outOfSession();
    }

    /** Trades stamped in a bar already emitted (the clock had passed its end): in no bar. */
    public long lateTrades() {
        return day.late();
    }

    /** Trades whose time was implausible (see the class doc): in no bar, and the clock did not move. */
    public long implausibleTrades() {
        return clock.implausible();
    }

    /** Trades whose price × quantity, or whose bar's volume or amount with them, overflowed a long: in no bar. */
    public long overflowTrades() {
        return day.overflow();
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

    /** Options of an aggregator; {@link #build()} makes it. */
    public static final class Builder {
        private final CandlePeriod period;
        private final CandleListener listener;
        private int grace = (int) DEFAULT_GRACE.toMillis();
        private int maxJump = (int) DEFAULT_MAX_JUMP.toMillis();
        private int quorum = DEFAULT_QUORUM;
        private @Nullable Clock wall;

        private Builder(CandlePeriod period, CandleListener listener) {
            this.period = Objects.requireNonNull(period, "period");
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        /**
         * How far past a bar's end the exchange clock must be before the bar is closed by other
         * securities' trades (a trade of its own security in a later bar closes it at once):
         * 0 to 1 minute, default 1 s.
         */
        public Builder grace(Duration grace) {
            this.grace = millis(grace, "grace", 0, 60_000);
            return this;
        }

        /** How far ahead a trade may be stamped and still be plausible: 1 s to 4 hours, default 5 minutes. */
        public Builder maxJump(Duration maxJump) {
            this.maxJump = millis(maxJump, "maxJump", 1_000, 4 * 3_600_000);
            return this;
        }

        /** How many distinct securities must agree on a jump of the clock (without a wall clock): default 3. */
        public Builder quorum(int quorum) {
            if (quorum < 1) {
                throw new IllegalArgumentException("quorum must be at least 1, got " + quorum);
            }
            this.quorum = quorum;
            return this;
        }

        /**
         * A wall clock, for live use: it gives the date and bounds trade times (read in China, UTC+8,
         * whatever the clock's zone). {@code Clock.systemUTC()} will do.
         */
        public Builder clock(Clock wall) {
            this.wall = Objects.requireNonNull(wall, "clock");
            return this;
        }

        public CandleAggregator build() {
            return new CandleAggregator(this);
        }

        private static int millis(Duration duration, String name, int min, int max) {
            long millis = duration.toMillis();
            if (millis < min || millis > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + " ms, got " + duration);
            }
            return (int) millis;
        }
    }
}
