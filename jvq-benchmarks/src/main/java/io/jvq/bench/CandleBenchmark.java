package io.jvq.bench;

import io.jvq.core.TimeOfDay;
import io.jvq.core.candle.CandleAggregator;
import io.jvq.core.candle.CandlePeriod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Trades into candlesticks: one operation is one trade into a {@link CandleAggregator}. A day of
 * {@value #TRADES} trades over {@value #SYMBOLS} securities, in time order from the 09:25 auction
 * to the 15:00 match (about 25 trades per security-minute, so bars, flat ones included, are one
 * object per 25 trades), then {@code finish()}; the next invocation is the next day.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class CandleBenchmark {
    static final int SYMBOLS = 100;
    static final int TRADES = 600_000;

    @Param({"M1", "M5", "D1"})
    public CandlePeriod period;

    private final String[] symbols = new String[TRADES];
    private final int[] times = new int[TRADES];
    private final long[] prices = new long[TRADES];
    private final long[] quantities = new long[TRADES];
    private CandleAggregator aggregator;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        SplittableRandom random = new SplittableRandom(42);
        String[] universe = new String[SYMBOLS];
        long[] last = new long[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            universe[s] = String.format("%06d", 600_000 + s);
            last[s] = 100_000L + random.nextInt(10_000_000);
        }
        int open = TimeOfDay.of(9, 30, 0, 0);
        int lunch = TimeOfDay.of(11, 30, 0, 0);
        int afternoon = TimeOfDay.of(13, 0, 0, 0);
        int sessionMillis = 4 * 3600 * 1000;
        for (int i = 0; i < TRADES; i++) {
            int s = random.nextInt(SYMBOLS);
            int elapsed = (int) ((long) i * sessionMillis / TRADES);
            int time = open + elapsed < lunch ? open + elapsed : afternoon + (open + elapsed - lunch);
            last[s] = Math.max(100, last[s] + (random.nextInt(5) - 2) * 100L);
            symbols[i] = universe[s];
            times[i] = i < SYMBOLS ? TimeOfDay.of(9, 25, 0, 0) : time;
            prices[i] = last[s];
            quantities[i] = 100L * (1 + random.nextInt(50));
        }
        aggregator = new CandleAggregator(period, blackhole::consume);
    }

    @Benchmark
    @OperationsPerInvocation(TRADES)
    public long day() {
        CandleAggregator candles = aggregator;
        for (int i = 0; i < TRADES; i++) {
            candles.onTrade(symbols[i], times[i], prices[i], quantities[i]);
        }
        candles.finish();
        return candles.trades();
    }
}
