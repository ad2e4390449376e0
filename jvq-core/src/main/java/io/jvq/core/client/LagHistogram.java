package io.jvq.core.client;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feed lag as cumulative buckets with fixed bounds (1 ms … 60 s, then everything above), the shape
 * Prometheus histograms and most dashboards read. Lock-free: recording is a few atomic adds.
 * Negative lags (a local clock behind the exchange's) count as 0.
 */
public final class LagHistogram {
    /** Upper bounds of the buckets, in milliseconds; a last, unbounded bucket follows. */
    private static final long[] BOUNDS_MILLIS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000,
            10_000, 30_000, 60_000};

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_MILLIS.length + 1);
    private final LongAdder count = new LongAdder();
    private final LongAdder sumMillis = new LongAdder();
    private final LongAccumulator maxMillis = new LongAccumulator(Math::max, 0);

    LagHistogram() {
    }

    void record(long lagMillis) {
        long lag = Math.max(0, lagMillis);
        int i = 0;
        while (i < BOUNDS_MILLIS.length && lag > BOUNDS_MILLIS[i]) {
            i++;
        }
        buckets.incrementAndGet(i);
        count.increment();
        sumMillis.add(lag);
        maxMillis.accumulate(lag);
    }

    /** The counts so far (each read on its own: a snapshot taken while frames arrive may be off by a few). */
    public Snapshot snapshot() {
        long[] cumulative = new long[BOUNDS_MILLIS.length + 1];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += buckets.get(i);
            cumulative[i] = running;
        }
        return new Snapshot(count.sum(), sumMillis.sum(), maxMillis.get(), BOUNDS_MILLIS.clone(), cumulative);
    }

    /**
     * The lags recorded so far, as counts per bucket.
     *
     * @param count            lags recorded (one per frame that held a quote or trade)
     * @param sumMillis        their sum
     * @param maxMillis        the largest
     * @param boundsMillis     the buckets' upper bounds
     * @param cumulativeCounts lags at or below each bound; one more entry (all of them) for the unbounded bucket
     */
    public record Snapshot(long count, long sumMillis, long maxMillis, long[] boundsMillis, long[] cumulativeCounts) {

        /** Lags at or below {@code boundMillis}, which must be one of {@link #boundsMillis()}. */
        public long countAtOrBelow(long boundMillis) {
            int i = Arrays.binarySearch(boundsMillis, boundMillis);
            if (i < 0) {
                throw new IllegalArgumentException(boundMillis + " ms is not a bucket bound; bounds are "
                        + Arrays.toString(boundsMillis));
            }
            return cumulativeCounts[i];
        }

        @Override
        public String toString() {
            return "LagHistogram.Snapshot[count=" + count + ", sumMillis=" + sumMillis + ", maxMillis=" + maxMillis
                    + ", boundsMillis=" + Arrays.toString(boundsMillis)
                    + ", cumulativeCounts=" + Arrays.toString(cumulativeCounts) + "]";
        }
    }
}
