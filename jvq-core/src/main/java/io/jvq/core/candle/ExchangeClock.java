package io.jvq.core.candle;

import org.jspecify.annotations.Nullable;

import java.time.Clock;

/**
 * The exchange clock and its plausibility rule (see {@link CandleAggregator}): decides, per trade,
 * whether its time is believed (the trade goes to its bars and may move the clock), held until a
 * quorum of securities agrees on a jump ({@link HeldTrades}), or implausible. Also keeps the date,
 * since a day ends when the date changes or a quorum agrees on a jump back of hours.
 */
final class ExchangeClock {
    /**
     * With no date known, held trades this far before the clock, agreed by a quorum, start a new day:
     * within a day a trade is never hours late, and the next day's auction is at least two hours
     * before any afternoon clock.
     */
    static final int NEW_DAY_GAP = 2 * 3_600_000;
    private static final long CHINA_OFFSET = 8 * 3_600_000L;
    private static final long DAY = 24 * 3_600_000L;
    private static final long NO_DATE = Long.MIN_VALUE;

    private final DayBars day;
    private final int maxJump;
    private final int quorum;
    private final @Nullable Clock wall;
    private final HeldTrades held = new HeldTrades();
    /** Made once: a method reference per replay would be an object per replay. */
    private final HeldTrades.Taker retake = this::retake;
    private long epochDay = NO_DATE;
    private int clock = -1;
    private long implausible;

    ExchangeClock(DayBars day, int maxJump, int quorum, @Nullable Clock wall) {
        this.day = day;
        this.maxJump = maxJump;
        this.quorum = quorum;
        this.wall = wall;
    }

    /** The latest plausible trade time (milliseconds since midnight); -1 before the day's first. */
    int time() {
        return clock;
    }

    long implausible() {
        return implausible;
    }

    void onTrade(String symbol, int time, long price, long quantity) {
        if (wall != null) {
            long local = wall.millis() + CHINA_OFFSET;
            newDay(Math.floorDiv(local, DAY));
            if (time > Math.floorMod(local, DAY) + maxJump) {
                day.bars(symbol);       // seen: it counts towards the day's securities
                implausible++;
                return;
            }
        }
        route(day.bars(symbol), time, price, quantity);
        if (held.size() > 0) {
            settle();
        }
    }

    /** The trades that follow are of {@code epochDay}: another date than the current one ends that day first. */
    void newDay(long epochDay) {
        if (this.epochDay != NO_DATE && epochDay != this.epochDay) {
            finish();
        }
        this.epochDay = epochDay;
    }

    /** Ends the day: trades still held are implausible, every open bar is emitted. */
    void finish() {
        implausible += held.abandon();
        endDay();
    }

    private boolean offClock(int time) {
        return wall == null && clock >= 0
                && (CandleSchedule.tradingMillis(time) - CandleSchedule.tradingMillis(clock) > maxJump
                || (epochDay == NO_DATE && clock - time >= NEW_DAY_GAP));
    }

    private void route(SecurityBars bars, int time, long price, long quantity) {
        if (offClock(time)) {
            if (!held.hold(bars, clock, time, price, quantity)) {
                implausible++;
            }
        } else {
            if (time > clock) {
                advance(time);
            }
            day.add(bars, time, price, quantity);
        }
    }

    private void retake(String symbol, int time, long price, long quantity) {
        route(day.bars(symbol), time, price, quantity);
    }

    private void advance(int time) {
        clock = time;
        day.clockAt(time);
    }

    /** Decides on the held trades: a jump agreed by a quorum, the clock caught up with them, or too long held. */
    private void settle() {
        while (held.size() > 0) {
            int earliest = held.earliest();
            int earliestAhead = held.earliestFrom(clock);
            if (held.distinct() >= Math.min(quorum, day.securities())) {
                if (earliestAhead != Integer.MAX_VALUE) {
                    advance(earliestAhead);
                } else if (epochDay == NO_DATE) {
                    endDay();
                    advance(earliest);
                }
            } else if (offClock(earliest)) {
                if (CandleSchedule.tradingMillis(clock) - held.since() > maxJump) {
                    implausible += held.abandon();
                }
                return;
            }
            int before = held.size();
            int clockBefore = clock;
            held.replay(retake);    // those still off the clock are held anew
            if (held.size() == before && clock == clockBefore) {
                return;     // all held again, nothing moved: wait for the next trade
            }
        }
    }

    private void endDay() {
        day.end(clock);
        clock = -1;
    }
}
