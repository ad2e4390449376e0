package io.jvq.core.candle;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange clock under abuse: one bad trade time cannot move it, a trade a few milliseconds
 * behind another code's is not dropped, a new day comes by date. Bars out as
 * {@code symbol end open high low close volume amount trades [partial]}.
 */
class CandleClockTest {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final List<Candle> bars = new ArrayList<>();

    private static void trade(CandleAggregator candles, String symbol, String time, String price, long quantity) {
        candles.onTrade(symbol, TimeOfDay.of(LocalTime.parse(time)), FixedPoint.of(price), quantity);
    }

    private List<String> emitted() {
        return bars.stream().map(CandleClockTest::row).toList();
    }

    private List<String> emitted(String symbol) {
        return bars.stream().filter(c -> c.symbol().equals(symbol)).map(CandleClockTest::row).toList();
    }

    private static String row(Candle c) {
        return c.symbol() + " " + c.endText() + " " + FixedPoint.format(c.open()) + " " + FixedPoint.format(c.high())
                + " " + FixedPoint.format(c.low()) + " " + FixedPoint.format(c.close()) + " " + c.volume() + " "
                + FixedPoint.format(c.amount()) + " " + c.trades() + (c.partial() ? " partial" : "");
    }

    /** 600519 trading at 10:00:00 … 10:02:10, with one trade of {@code other} stamped {@code bogus} among them. */
    private void moutaiMorningWith(CandleAggregator candles, String other, String bogus) {
        trade(candles, "600519", "10:00:00.000", "1700.00", 100);
        trade(candles, "600519", "10:00:30.000", "1701.00", 100);
        trade(candles, other, bogus, "12.00", 100);
        trade(candles, "600519", "10:01:00.000", "1702.00", 100);
        trade(candles, "600519", "10:01:30.000", "1703.00", 100);
        trade(candles, "600519", "10:02:10.000", "1704.00", 100);
    }

    private static final List<String> MOUTAI_BARS = List.of(
            "600519 10:01 1700.00 1701.00 1700.00 1701.00 200 340100.00 2",
            "600519 10:02 1702.00 1703.00 1702.00 1703.00 200 340500.00 2",
            // the clock (10:02:10) has not passed 10:03: the input ended before the bar did
            "600519 10:03 1704.00 1704.00 1704.00 1704.00 100 170400.00 1 partial");

    @Test
    void aTradeStampedMidnightInTheMorningSessionIsNotANewDay() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bars::add);
        moutaiMorningWith(candles, "000001", "00:00:00.000");
        candles.finish();

        assertThat(emitted()).containsExactlyElementsOf(MOUTAI_BARS);
        assertThat(candles.clock()).isEqualTo(-1);
        // without a date, 00:00 is a time far behind the clock that no other security confirms
        assertThat(candles.implausibleTrades()).isEqualTo(1);
        assertThat(candles.trades()).isEqualTo(6);
    }

    @Test
    void withADateAMidnightStampIsATradeOutsideTheSessions() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bars::add);
        candles.newDay(LocalDate.of(2026, 12, 2));
        moutaiMorningWith(candles, "000001", "00:00:00.000");
        candles.finish();

        assertThat(emitted()).containsExactlyElementsOf(MOUTAI_BARS);
        assertThat(candles.outOfSessionTrades()).isEqualTo(1);
        assertThat(candles.implausibleTrades()).isZero();
    }

    @Test
    void aTradeStampedHoursAheadDoesNotMoveTheClockAndIsInNoBar() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bars::add);
        trade(candles, "000001", "09:59:50.000", "12.00", 100);
        moutaiMorningWith(candles, "000001", "14:59:00.000");
        candles.finish();

        assertThat(emitted("600519")).containsExactlyElementsOf(MOUTAI_BARS);
        // 000001's own bars are not pushed to 14:59 either
        assertThat(emitted("000001")).containsExactly("000001 10:00 12.00 12.00 12.00 12.00 100 1200.00 1",
                "000001 10:01 12.00 12.00 12.00 12.00 0 0.00 0",
                "000001 10:02 12.00 12.00 12.00 12.00 0 0.00 0");
        assertThat(candles.implausibleTrades()).isEqualTo(1);
    }

    @Test
    void aJumpAheadIsBelievedWhenAQuorumOfSecuritiesAgrees() {
        // after a gap in the feed (a reconnect), several securities' trades are all well ahead of the clock
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bars::add);
        trade(candles, "600519", "10:00:10.000", "1700.00", 100);
        trade(candles, "000001", "10:00:20.000", "12.00", 100);
        trade(candles, "600519", "10:20:05.000", "1710.00", 100);
        assertThat(bars).isEmpty();     // one security's word is not enough: held

        trade(candles, "000001", "10:20:06.000", "12.10", 100);
        candles.finish();

        assertThat(candles.implausibleTrades()).isZero();
        assertThat(emitted("600519")).hasSize(21).startsWith("600519 10:01 1700.00 1700.00 1700.00 1700.00 100 170000.00 1")
                .endsWith("600519 10:20 1700.00 1700.00 1700.00 1700.00 0 0.00 0",
                        "600519 10:21 1710.00 1710.00 1710.00 1710.00 100 171000.00 1 partial");
        assertThat(emitted("000001")).last().isEqualTo("000001 10:21 12.10 12.10 12.10 12.10 100 1210.00 1 partial");
    }

    @Test
    void theAuctionGapAndTheLunchBreakAreNoJumpInTradingTime() {
        CandleAggregator morning = new CandleAggregator(CandlePeriod.M1, bars::add);
        trade(morning, "600519", "09:25:00.000", "1700.00", 100);
        trade(morning, "000001", "09:30:00.500", "12.00", 100);    // five minutes after, by the clock
        morning.finish();
        CandleAggregator lunch = new CandleAggregator(CandlePeriod.M1, bars::add);
        trade(lunch, "000001", "11:29:58.000", "12.10", 100);
        trade(lunch, "600519", "13:00:00.200", "1701.00", 100);    // ninety minutes after, by the clock
        lunch.finish();

        assertThat(morning.implausibleTrades() + lunch.implausibleTrades()).isZero();
        assertThat(emitted()).containsExactly(
                "600519 09:31 1700.00 1700.00 1700.00 1700.00 100 170000.00 1 partial",
                "000001 09:31 12.00 12.00 12.00 12.00 100 1200.00 1 partial",
                "000001 11:30 12.10 12.10 12.10 12.10 100 1210.00 1",
                "600519 13:01 1701.00 1701.00 1701.00 1701.00 100 170100.00 1 partial");
    }

    @Test
    void aTradeAFewMillisecondsBeforeTheMinuteLandsInItsBarWithinTheGrace() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bars::add);
        trade(candles, "600519", "09:30:30.000", "10.00", 100);
        trade(candles, "000001", "09:31:00.010", "12.00", 100);     // the clock passes 09:31 …
        trade(candles, "600519", "09:30:59.990", "10.50", 100);     // … by less than the grace (1 s)
        assertThat(bars).isEmpty();

        trade(candles, "000001", "09:31:01.000", "12.00", 100);     // the grace is over: 09:31 closes
        assertThat(candles.lateTrades()).isZero();
        assertThat(emitted()).containsExactly("600519 09:31 10.00 10.50 10.00 10.50 200 2050.00 2");
    }

    @Test
    void theGraceIsConfigurable() {
        CandleAggregator candles = CandleAggregator.builder(CandlePeriod.M1, bars::add).grace(Duration.ZERO).build();
        trade(candles, "600519", "09:30:30.000", "10.00", 100);
        trade(candles, "000001", "09:31:00.010", "12.00", 100);
        trade(candles, "600519", "09:30:59.990", "10.50", 100);

        assertThat(candles.lateTrades()).isEqualTo(1);
        assertThat(emitted()).containsExactly("600519 09:31 10.00 10.00 10.00 10.00 100 1000.00 1");
    }

    @Test
    void aNewDateEndsTheDayEvenWithoutATwoHourJump() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bars::add);
        candles.newDay(LocalDate.of(2026, 12, 1));
        trade(candles, "600519", "10:00:00.000", "1700.00", 100);
        trade(candles, "600519", "10:29:10.000", "1701.00", 100);
        candles.newDay(LocalDate.of(2026, 12, 1));                 // the same day: nothing happens
        assertThat(bars).hasSize(29);

        candles.newDay(LocalDate.of(2026, 12, 2));
        assertThat(emitted()).last().isEqualTo("600519 10:30 1701.00 1701.00 1701.00 1701.00 100 170100.00 1 partial");
        trade(candles, "600519", "09:45:00.000", "1710.00", 100);  // only 44 minutes before the old clock
        candles.finish();

        assertThat(candles.lateTrades()).isZero();
        assertThat(emitted()).hasSize(31).last()
                .isEqualTo("600519 09:46 1710.00 1710.00 1710.00 1710.00 100 171000.00 1 partial");
    }

    @Test
    void withADateATradeHoursBehindTheClockIsLateNotANewDay() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M60, bars::add);
        candles.newDay(LocalDate.of(2026, 12, 2));
        trade(candles, "600519", "14:10:00.000", "10.00", 100);
        trade(candles, "600519", "09:25:00.000", "11.00", 100);
        candles.finish();

        assertThat(candles.lateTrades()).isEqualTo(1);
        assertThat(emitted()).containsExactly("600519 15:00 10.00 10.00 10.00 10.00 100 1000.00 1 partial");
    }

    @Test
    void aWallClockInChinaTimeGivesTheDateAndBoundsTradeTimes() {
        MutableClock wall = new MutableClock(at(2026, 12, 1, "10:00:01"));
        CandleAggregator candles = CandleAggregator.builder(CandlePeriod.M1, bars::add).clock(wall).build();
        trade(candles, "600519", "10:00:00.000", "1700.00", 100);
        trade(candles, "000001", "14:59:00.000", "12.00", 100);     // hours ahead of the wall: in no bar
        trade(candles, "000001", "10:04:00.000", "12.01", 100);     // the wall is a few minutes behind: believed
        assertThat(candles.implausibleTrades()).isEqualTo(1);
        assertThat(emitted()).hasSize(3).first().isEqualTo("600519 10:01 1700.00 1700.00 1700.00 1700.00 100 170000.00 1");

        wall.set(at(2026, 12, 2, "09:25:00.500"));                  // the next morning in Shanghai
        trade(candles, "600519", "09:25:00.000", "1710.00", 100);
        candles.finish();

        assertThat(emitted()).containsSubsequence(
                "000001 10:05 12.01 12.01 12.01 12.01 100 1201.00 1 partial",
                "600519 09:31 1710.00 1710.00 1710.00 1710.00 100 171000.00 1 partial");
    }

    @Test
    void overflowingTheAmountLeavesTheBarAsItWasAndIsCounted() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bars::add);
        trade(candles, "600519", "09:30:01.000", "10.00", 100);
        Candle before = candles.current("600519");

        candles.onTrade("600519", TimeOfDay.of(9, 30, 2, 0), Long.MAX_VALUE / 2, 3);
        candles.onTrade("600519", TimeOfDay.of(9, 31, 0, 500), Long.MAX_VALUE / 2, 3);  // a new bar's too

        assertThat(candles.current("600519")).isEqualTo(before);
        assertThat(candles.overflowTrades()).isEqualTo(2);
        assertThat(bars).isEmpty();
        candles.finish();
        assertThat(emitted()).containsExactly("600519 09:31 10.00 10.00 10.00 10.00 100 1000.00 1 partial");
    }

    private static Instant at(int year, int month, int day, String time) {
        return LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.parse(time)).toInstant(CHINA);
    }

    /** A wall clock a test sets. */
    static final class MutableClock extends Clock {
        private long millis;

        MutableClock(Instant now) {
            set(now);
        }

        void set(Instant now) {
            this.millis = now.toEpochMilli();
        }

        void setMillis(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
