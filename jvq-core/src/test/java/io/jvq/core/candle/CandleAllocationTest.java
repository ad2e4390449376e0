package io.jvq.core.candle;

import io.jvq.core.TimeOfDay;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per trade the aggregator allocates nothing, bad times and held trades included: only bars are
 * objects. Counted as bytes this thread allocated (not timed); the bound of 1 byte per trade over
 * 2,000,000 trades leaves room for the day's few thousand bars, while one object per trade (16 bytes
 * at least) would fail it many times over.
 */
class CandleAllocationTest {
    private static final String[] SYMBOLS = {"600519", "000001", "000002", "600000", "601318", "300750",
            "688981", "127063", "510300", "002594"};
    private static final int DAY_START = TimeOfDay.of(9, 30, 0, 0);
    private long bars;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A morning of 1,000,000 trades of ten securities, with a trade stamped at midnight or 14:59 every 99,991st (about 12 minutes apart). */
    private void morning(CandleAggregator candles, CandleClockTest.MutableClock wall) {
        for (int i = 0; i < 1_000_000; i++) {
            int time = DAY_START + i * 7;           // two hours in 7 ms steps
            if (wall != null) {
                wall.setMillis(time - 8 * 3_600_000L);   // that time of 1970-01-01 in China
            }
            if (i % 99_991 == 50_000) {
                time = i % 2 == 0 ? 0 : TimeOfDay.of(14, 59, 0, 0);
            }
            candles.onTrade(SYMBOLS[i % SYMBOLS.length], time, 10_000 + i % 100, 100);
        }
        candles.finish();
    }

    @Test
    void withoutAWallClock() {
        CandleAggregator candles = new CandleAggregator(CandlePeriod.M1, bar -> bars++);
        candles.newDay(LocalDate.of(2026, 12, 1));
        for (int warm = 0; warm < 3; warm++) {
            morning(candles, null);
        }
        long before = allocatedBytes();
        morning(candles, null);
        morning(candles, null);
        long allocated = allocatedBytes() - before;

        assertThat(candles.implausibleTrades()).isPositive();
        assertThat(bars).isPositive();
        assertThat(allocated / 2_000_000.0).as("bytes per trade (%d bytes in all)", allocated).isLessThan(1.0);
    }

    @Test
    void withAWallClock() {
        CandleClockTest.MutableClock wall = new CandleClockTest.MutableClock(Instant.EPOCH);
        CandleAggregator candles = CandleAggregator.builder(CandlePeriod.M1, bar -> bars++).clock(wall).build();
        for (int warm = 0; warm < 3; warm++) {
            morning(candles, wall);
        }
        long before = allocatedBytes();
        morning(candles, wall);
        morning(candles, wall);
        long allocated = allocatedBytes() - before;

        assertThat(candles.implausibleTrades()).isPositive();
        assertThat(allocated / 2_000_000.0).as("bytes per trade (%d bytes in all)", allocated).isLessThan(1.0);
    }
}
