package io.jvq.core.candle;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session rules, one table each: trades in (time, price, quantity), bars out as
 * {@code end open high low close volume amount trades [partial]}.
 */
class CandleAggregatorTest {
    private final List<Candle> bars = new ArrayList<>();

    private CandleAggregator aggregator(CandlePeriod period) {
        return new CandleAggregator(period, bars::add);
    }

    private static void trade(CandleAggregator candles, String symbol, String time, String price, long quantity) {
        candles.onTrade(symbol, TimeOfDay.of(LocalTime.parse(time)), FixedPoint.of(price), quantity);
    }

    private static void trade(CandleAggregator candles, String time, String price, long quantity) {
        trade(candles, "600519", time, price, quantity);
    }

    private List<String> emitted() {
        return bars.stream().map(CandleAggregatorTest::row).toList();
    }

    private static String row(Candle c) {
        return c.symbol() + " " + c.endText() + " " + FixedPoint.format(c.open()) + " " + FixedPoint.format(c.high())
                + " " + FixedPoint.format(c.low()) + " " + FixedPoint.format(c.close()) + " " + c.volume() + " "
                + FixedPoint.format(c.amount()) + " " + c.trades() + (c.partial() ? " partial" : "");
    }

    @Test
    void theOpeningAuctionTradeOpensTheFirstBar() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "09:25:00.000", "1700.00", 1000);
        trade(candles, "09:30:00.120", "1700.50", 100);
        trade(candles, "09:30:59.999", "1699.90", 200);
        trade(candles, "09:31:00.000", "1701.00", 300);

        assertThat(emitted()).containsExactly(
                // 1700×1000 + 1700.5×100 + 1699.9×200 = 1,700,000 + 170,050 + 339,980
                "600519 09:31 1700.00 1700.50 1699.90 1699.90 1300 2210030.00 3");
        candles.finish();
        assertThat(emitted()).last().isEqualTo("600519 09:32 1701.00 1701.00 1701.00 1701.00 300 510300.00 1 partial");
    }

    @Test
    void elevenThirtyTradesCloseTheMorningAndTheAfternoonStartsAtThirteenOhOne() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "11:29:10.000", "10.00", 100);
        trade(candles, "11:30:00.000", "10.01", 100);
        trade(candles, "11:30:59.999", "10.02", 100);
        trade(candles, "13:00:00.000", "10.03", 100);
        candles.finish();

        assertThat(emitted()).containsExactly(
                "600519 11:30 10.00 10.02 10.00 10.02 300 3003.00 3",
                "600519 13:01 10.03 10.03 10.03 10.03 100 1003.00 1 partial");
        assertThat(candles.outOfSessionTrades()).isZero();
    }

    @Test
    void theClosingAuctionMatchAtFifteenOhOhIsInTheFifteenOhOhBar() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "14:59:30.000", "10.00", 100);
        trade(candles, "15:00:00.000", "10.10", 5000);
        assertThat(bars).isEmpty();

        trade(candles, "15:00:59.999", "10.10", 100);
        assertThat(bars).isEmpty();

        // the after-hours fixed-price session: in no bar, but it moves the clock past 15:00's end
        trade(candles, "15:05:00.000", "10.10", 300);
        assertThat(emitted()).containsExactly("600519 15:00 10.00 10.10 10.00 10.10 5200 52510.00 3");
        assertThat(candles.outOfSessionTrades()).isEqualTo(1);
    }

    @Test
    void periodsWithoutTradesAfterTheFirstGiveFlatBarsAtTheLastClose() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "09:30:10.000", "10.00", 100);
        trade(candles, "09:30:20.000", "10.05", 100);
        trade(candles, "09:33:20.000", "10.20", 100);
        candles.finish();

        assertThat(emitted()).containsExactly(
                "600519 09:31 10.00 10.05 10.00 10.05 200 2005.00 2",
                "600519 09:32 10.05 10.05 10.05 10.05 0 0.00 0",
                "600519 09:33 10.05 10.05 10.05 10.05 0 0.00 0",
                "600519 09:34 10.20 10.20 10.20 10.20 100 1020.00 1 partial");
    }

    @Test
    void flatBarsSpanTheLunchBreakWithoutBarsInsideIt() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "11:29:00.000", "10.00", 100);
        trade(candles, "13:01:30.000", "10.10", 100);

        assertThat(emitted()).containsExactly(
                "600519 11:30 10.00 10.00 10.00 10.00 100 1000.00 1",
                "600519 13:01 10.00 10.00 10.00 10.00 0 0.00 0");
    }

    @Test
    void theExchangeClockClosesBarsOfEverySecurityWithFlatBarsUpToIt() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "600519", "09:30:30.000", "1700.00", 100);
        trade(candles, "000001", "09:30:40.000", "12.00", 100);
        trade(candles, "000001", "09:32:10.000", "12.01", 100);

        assertThat(emitted()).containsExactly(
                // 09:32:10 passed the ends of 09:31 and 09:32, for both securities
                "600519 09:31 1700.00 1700.00 1700.00 1700.00 100 170000.00 1",
                "600519 09:32 1700.00 1700.00 1700.00 1700.00 0 0.00 0",
                "000001 09:31 12.00 12.00 12.00 12.00 100 1200.00 1",
                "000001 09:32 12.00 12.00 12.00 12.00 0 0.00 0");

        candles.finish();
        assertThat(emitted()).last().isEqualTo("000001 09:33 12.01 12.01 12.01 12.01 100 1201.00 1 partial");
    }

    @Test
    void aBarIsPartialOnlyWhenTheInputEndsBeforeTheClockPassesItsEnd() {
        CandleAggregator candles = aggregator(CandlePeriod.M5);
        trade(candles, "600519", "09:31:00.000", "10.00", 100);
        candles.finish();
        assertThat(emitted()).containsExactly("600519 09:35 10.00 10.00 10.00 10.00 100 1000.00 1 partial");
        assertThat(candles.current("600519")).isNull();
    }

    @Test
    void theCurrentBarIsReadableWhileItIsBuilt() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "09:30:01.000", "10.00", 100);
        trade(candles, "09:30:02.000", "10.10", 100);

        assertThat(row(candles.current("600519"))).isEqualTo("600519 09:31 10.00 10.10 10.00 10.10 200 2010.00 2 partial");
        assertThat(bars).isEmpty();
    }

    @Test
    void tradesOutsideTheSessionsAreCountedAndInNoBar() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "09:24:59.999", "10.00", 100);
        trade(candles, "09:30:00.000", "10.00", 100);
        trade(candles, "11:31:00.000", "10.50", 100);
        trade(candles, "12:59:59.999", "10.50", 100);
        trade(candles, "15:01:30.000", "10.50", 100);
        candles.finish();

        assertThat(candles.outOfSessionTrades()).isEqualTo(4);
        assertThat(candles.trades()).isEqualTo(5);
        assertThat(emitted()).first().isEqualTo("600519 09:31 10.00 10.00 10.00 10.00 100 1000.00 1");
        // the clock passed 15:01 by the grace: every minute of the day after the first trade has a bar, none has 10.50
        assertThat(bars).hasSize(240).allSatisfy(bar -> assertThat(bar.high()).isEqualTo(FixedPoint.of("10.00")));
        assertThat(emitted()).last().isEqualTo("600519 15:00 10.00 10.00 10.00 10.00 0 0.00 0");
    }

    @Test
    void fiveMinuteBarsAreAlignedToTheSessionStarts() {
        CandleAggregator candles = aggregator(CandlePeriod.M5);
        trade(candles, "09:25:00.000", "10.00", 100);
        trade(candles, "09:34:59.999", "10.01", 100);
        trade(candles, "09:35:00.000", "10.02", 100);
        trade(candles, "11:30:30.000", "10.03", 100);
        trade(candles, "13:04:59.000", "10.04", 100);
        trade(candles, "15:00:01.000", "10.05", 100);
        candles.finish();

        List<String> traded = bars.stream().filter(bar -> !bar.isFlat()).map(CandleAggregatorTest::row).toList();
        assertThat(traded).containsExactly(
                "600519 09:35 10.00 10.01 10.00 10.01 200 2001.00 2",
                "600519 09:40 10.02 10.02 10.02 10.02 100 1002.00 1",
                "600519 11:30 10.03 10.03 10.03 10.03 100 1003.00 1",
                "600519 13:05 10.04 10.04 10.04 10.04 100 1004.00 1",
                "600519 15:00 10.05 10.05 10.05 10.05 100 1005.00 1 partial");
        assertThat(bars).hasSize(48);
        assertThat(bars.stream().map(Candle::endText).toList())
                .startsWith("09:35", "09:40", "09:45").contains("11:25", "11:30", "13:05").endsWith("14:55", "15:00");
    }

    @Test
    void sixtyMinuteBarsEndAtTenThirtyElevenThirtyFourteenAndFifteen() {
        CandleAggregator candles = aggregator(CandlePeriod.M60);
        trade(candles, "10:29:59.999", "10.00", 100);
        trade(candles, "10:30:00.000", "10.10", 100);
        trade(candles, "11:30:59.000", "10.20", 100);
        trade(candles, "13:00:00.000", "10.30", 100);
        trade(candles, "14:00:00.000", "10.40", 100);
        trade(candles, "15:00:59.000", "10.50", 100);
        candles.finish();

        assertThat(emitted()).containsExactly(
                "600519 10:30 10.00 10.00 10.00 10.00 100 1000.00 1",
                "600519 11:30 10.10 10.20 10.10 10.20 200 2030.00 2",
                "600519 14:00 10.30 10.30 10.30 10.30 100 1030.00 1",
                "600519 15:00 10.40 10.50 10.40 10.50 200 2090.00 2 partial");
    }

    @Test
    void theDailyBarHoldsTheWholeDayFromTheAuctionToTheClosingMatch() {
        CandleAggregator candles = aggregator(CandlePeriod.D1);
        trade(candles, "09:25:00.000", "10.00", 1000);
        trade(candles, "11:30:10.000", "9.50", 100);
        trade(candles, "14:30:00.000", "10.80", 100);
        trade(candles, "15:00:00.000", "10.60", 2000);
        trade(candles, "15:10:00.000", "10.60", 100);

        assertThat(emitted()).containsExactly("600519 15:00 10.00 10.80 9.50 10.60 3200 33230.00 4");
    }

    @Test
    void aTradeStampedInABarAlreadyEmittedIsCountedAsLate() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "600519", "09:30:30.000", "10.00", 100);
        trade(candles, "000001", "09:31:01.010", "12.00", 100);    // past 09:31 by more than the grace
        trade(candles, "600519", "09:30:59.990", "10.50", 100);

        assertThat(candles.lateTrades()).isEqualTo(1);
        assertThat(emitted()).containsExactly("600519 09:31 10.00 10.00 10.00 10.00 100 1000.00 1");
    }

    @Test
    void aSecuritysFirstTradeInABarTheClockHasPassedIsEmittedAtOnce() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "000001", "09:31:01.010", "12.00", 100);
        trade(candles, "600519", "09:30:59.990", "10.00", 100);

        assertThat(emitted()).containsExactly("600519 09:31 10.00 10.00 10.00 10.00 100 1000.00 1");
    }

    @Test
    void withoutADateAMorningTradeAfterTheAfternoonStartsANewDay() {
        CandleAggregator candles = aggregator(CandlePeriod.M60);
        trade(candles, "14:10:00.000", "10.00", 100);
        // two hours or more back; one security is all there is, so it is a quorum
        trade(candles, "09:25:00.000", "11.00", 100);
        candles.finish();

        assertThat(emitted()).containsExactly(
                // the old day's end was never seen: its last bar is partial, and no flat bars are made up
                "600519 15:00 10.00 10.00 10.00 10.00 100 1000.00 1 partial",
                "600519 10:30 11.00 11.00 11.00 11.00 100 1100.00 1 partial");
    }

    @Test
    void aMorningTradeArrivingAfterTheLunchBreakIsLateNotANewDay() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "600519", "11:30:10.000", "10.00", 100);
        trade(candles, "000001", "13:00:00.500", "12.00", 100);
        trade(candles, "600519", "11:30:50.000", "10.50", 100);
        candles.finish();

        assertThat(candles.lateTrades()).isEqualTo(1);
        assertThat(emitted()).containsExactly(
                "600519 11:30 10.00 10.00 10.00 10.00 100 1000.00 1",
                "000001 13:01 12.00 12.00 12.00 12.00 100 1200.00 1 partial");
    }

    @Test
    void theAmountIsExactAndTheVwapIsAmountOverVolume() {
        CandleAggregator candles = aggregator(CandlePeriod.M1);
        trade(candles, "09:30:01.000", "123.456", 70);
        trade(candles, "09:30:02.000", "123.457", 30);
        candles.finish();

        Candle bar = bars.get(0);
        // 123.456×70 + 123.457×30 = 8641.92 + 3703.71
        assertThat(bar.amountDecimal()).isEqualByComparingTo("12345.63");
        assertThat(FixedPoint.format(bar.vwap())).isEqualTo("123.4563");
        assertThat(bar.vwapDecimal()).isEqualByComparingTo("123.4563");
    }
}
