package io.jvq.core.client;

import io.jvq.core.QuoteLevel;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.DecodeError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Feed lag on the exchange's clock, and the counts behind the dashboards. */
class FeedMetricsTest {
    /** 2026-03-02 09:30:01.500 in Shanghai is 01:30:01.500 UTC. */
    private static final Instant HALF_PAST_NINE_AND_1500_MS = ZonedDateTime.of(2026, 3, 2, 9, 30, 1, 500_000_000,
            ZoneId.of("Asia/Shanghai")).toInstant();

    private final MutableClock clock = new MutableClock(HALF_PAST_NINE_AND_1500_MS);
    private final FeedMetrics metrics = new FeedMetrics(clock);

    @Test
    void lagIsTheReceiveTimeMinusTheNewestRecordOfTheFrameOnTheExchangeClock() {
        metrics.frameReceived();
        metrics.record(QuoteLevel.LV2, TimeOfDay.of(9, 30, 0, 0));
        metrics.record(QuoteLevel.LV2, TimeOfDay.of(9, 30, 1, 200));
        metrics.record(QuoteLevel.LV1, TimeOfDay.of(9, 29, 58, 0));
        metrics.frameDecoded(300);

        assertThat(metrics.lastLag()).contains(Duration.ofMillis(300));
        assertThat(metrics.lastFrameAt()).contains(HALF_PAST_NINE_AND_1500_MS);
        assertThat(metrics.records(QuoteLevel.LV2)).isEqualTo(2);
        assertThat(metrics.records(QuoteLevel.LV1)).isEqualTo(1);
        assertThat(metrics.records(QuoteLevel.LV10)).isZero();
        assertThat(metrics.inflatedBytes()).isEqualTo(300);
    }

    @Test
    void lagAcrossMidnightIsTheShortWayRound() {
        long justAfterMidnight = ZonedDateTime.of(2026, 3, 3, 0, 0, 0, 100_000_000, ZoneOffset.ofHours(8))
                .toInstant().toEpochMilli();

        assertThat(FeedMetrics.lagMillis(justAfterMidnight, TimeOfDay.of(23, 59, 59, 900))).isEqualTo(200);
        assertThat(FeedMetrics.lagMillis(justAfterMidnight - 300, TimeOfDay.of(0, 0, 0, 0))).isEqualTo(-200);
    }

    @Test
    void aLocalClockBehindTheExchangeShowsANegativeLagButCountsAsZeroInTheBuckets() {
        metrics.frameReceived();
        metrics.record(QuoteLevel.LV2, TimeOfDay.of(9, 30, 2, 0));
        metrics.frameDecoded(10);

        assertThat(metrics.lastLag()).contains(Duration.ofMillis(-500));
        LagHistogram.Snapshot buckets = metrics.lagHistogram();
        assertThat(buckets.count()).isEqualTo(1);
        assertThat(buckets.countAtOrBelow(1)).isEqualTo(1);
        assertThat(buckets.maxMillis()).isZero();
    }

    @Test
    void theBucketsAreCumulativeAndNameTheirBounds() {
        for (long lag : new long[] {0, 3, 40, 40, 900, 120_000}) {
            clock.set(HALF_PAST_NINE_AND_1500_MS.plusMillis(lag));
            metrics.frameReceived();
            metrics.record(QuoteLevel.LV2, TimeOfDay.of(9, 30, 1, 500));
            metrics.frameDecoded(1);
        }

        LagHistogram.Snapshot buckets = metrics.lagHistogram();
        assertThat(buckets.count()).isEqualTo(6);
        assertThat(buckets.sumMillis()).isEqualTo(3 + 40 + 40 + 900 + 120_000);
        assertThat(buckets.maxMillis()).isEqualTo(120_000);
        assertThat(buckets.countAtOrBelow(1)).isEqualTo(1);
        assertThat(buckets.countAtOrBelow(5)).isEqualTo(2);
        assertThat(buckets.countAtOrBelow(50)).isEqualTo(4);
        assertThat(buckets.countAtOrBelow(1_000)).isEqualTo(5);
        assertThat(buckets.countAtOrBelow(60_000)).isEqualTo(5);
        assertThat(buckets.cumulativeCounts()[buckets.cumulativeCounts().length - 1]).isEqualTo(6);
        assertThatThrownBy(() -> buckets.countAtOrBelow(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 ms is not a bucket bound");
    }

    @Test
    void aFrameWithoutRecordsHasNoLagButIsStillAFrame() {
        metrics.frameReceived();
        metrics.decodeError(new DecodeError(null, "", "binary frame is not raw DEFLATE data"));
        metrics.frameDecoded(0);
        clock.set(HALF_PAST_NINE_AND_1500_MS.plusSeconds(3));

        assertThat(metrics.lastLag()).isEmpty();
        assertThat(metrics.lagHistogram().count()).isZero();
        assertThat(metrics.sinceLastFrame()).contains(Duration.ofSeconds(3));
        assertThat(metrics.decodeErrors(DecodeErrorKind.FRAME)).isEqualTo(1);
        assertThat(metrics.decodeErrors(DecodeErrorKind.LINE)).isZero();
    }

    @Test
    void lagListenersHearEveryFrameWithALag() {
        java.util.List<Long> heard = new java.util.ArrayList<>();
        metrics.addLagListener(heard::add);
        metrics.frameReceived();
        metrics.record(QuoteLevel.LV1, TimeOfDay.of(9, 30, 1, 0));
        metrics.frameDecoded(1);
        metrics.frameReceived();
        metrics.frameDecoded(0);

        assertThat(heard).containsExactly(500L);
    }

    @Test
    void aRemovedLagListenerHearsNoMoreFramesAndTheOthersStillDo() {
        java.util.List<Long> kept = new java.util.ArrayList<>();
        java.util.List<Long> removed = new java.util.ArrayList<>();
        java.util.function.LongConsumer keptListener = kept::add;
        java.util.function.LongConsumer removedListener = removed::add;
        metrics.addLagListener(removedListener);
        metrics.addLagListener(keptListener);
        frameAt(TimeOfDay.of(9, 30, 1, 0));

        assertThat(metrics.removeLagListener(removedListener)).isTrue();
        assertThat(metrics.removeLagListener(removedListener)).as("already gone").isFalse();
        frameAt(TimeOfDay.of(9, 30, 1, 100));

        assertThat(removed).containsExactly(500L);
        assertThat(kept).containsExactly(500L, 400L);
    }

    private void frameAt(int exchangeMillisOfDay) {
        metrics.frameReceived();
        metrics.record(QuoteLevel.LV1, exchangeMillisOfDay);
        metrics.frameDecoded(1);
    }

    @Test
    void uptimeRunsWhileConnectedAndStopsAtTheDrop() {
        assertThat(metrics.connected()).isFalse();
        assertThat(metrics.uptime()).isZero();
        metrics.connectionOpened();
        clock.set(HALF_PAST_NINE_AND_1500_MS.plusSeconds(42));

        assertThat(metrics.connected()).isTrue();
        assertThat(metrics.uptime()).isEqualTo(Duration.ofSeconds(42));
        metrics.connectionEnded();
        assertThat(metrics.connected()).isFalse();
        assertThat(metrics.uptime()).isZero();
        assertThat(metrics.sinceLastFrame()).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
