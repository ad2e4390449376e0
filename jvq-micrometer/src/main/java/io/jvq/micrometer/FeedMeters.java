package io.jvq.micrometer;

import io.jvq.core.QuoteLevel;
import io.jvq.core.client.DecodeErrorKind;
import io.jvq.core.client.FeedMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The meters of one {@link FeedMetrics}: lag, liveness, queue depth and per-kind counts. Any quote
 * source that keeps a {@code FeedMetrics} binds through here, so its meters match a client's.
 */
final class FeedMeters {
    private final FeedMetrics feed;
    private final Tags tags;
    private final RegisteredMeters registered;

    FeedMeters(FeedMetrics feed, Tags tags, RegisteredMeters registered) {
        this.feed = feed;
        this.tags = tags;
        this.registered = registered;
    }

    void bindTo(MeterRegistry registry) {
        Timer lag = registered.add(registry, Timer.builder(JvqMeters.FEED_LAG)
                .description("receive time minus the exchange time of the newest quote in each frame")
                .tags(tags)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry));
        // A clock behind the exchange's gives a negative lag, which a timer would ignore: it counts as 0.
        LongConsumer recordLag = millis -> lag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
        feed.addLagListener(recordLag);
        registered.onClose(() -> feed.removeLagListener(recordLag));
        registered.add(registry, TimeGauge.builder(JvqMeters.FEED_LAG_LAST, feed, TimeUnit.MILLISECONDS,
                        f -> f.lastLag().map(Duration::toMillis).map(Long::doubleValue).orElse(Double.NaN))
                .description("the feed lag of the last frame (negative: the local clock is behind the exchange's)")
                .tags(tags).register(registry));
        registered.add(registry, TimeGauge.builder(JvqMeters.LAST_FRAME_AGE, feed, TimeUnit.MILLISECONDS,
                        f -> f.sinceLastFrame().map(Duration::toMillis).map(Long::doubleValue).orElse(Double.NaN))
                .description("time since the last binary frame").tags(tags).register(registry));
        registered.add(registry, Gauge.builder(JvqMeters.CONNECTED, feed, f -> f.connected() ? 1 : 0)
                .description("1 while connected and subscribed, else 0").tags(tags).register(registry));
        registered.add(registry, TimeGauge.builder(JvqMeters.UPTIME, feed, TimeUnit.MILLISECONDS, f -> f.uptime().toMillis())
                .description("how long the current connection has been up").tags(tags).register(registry));
        registered.add(registry, Gauge.builder(JvqMeters.DISPATCH_QUEUED, feed, FeedMetrics::queuedEvents)
                .description("feed events waiting in the bounded dispatch queue").baseUnit(BaseUnits.EVENTS)
                .tags(tags).register(registry));
        registered.add(registry, FunctionCounter.builder(JvqMeters.FRAMES_INFLATED, feed, FeedMetrics::inflatedBytes)
                .description("bytes the received binary frames inflated to")
                .baseUnit(BaseUnits.BYTES).tags(tags).register(registry));
        for (QuoteLevel level : QuoteLevel.values()) {
            registered.add(registry, FunctionCounter.builder(JvqMeters.RECORDS, feed, f -> f.records(level))
                    .description("quotes, trades and books decoded, per quote level").baseUnit(JvqMeters.UNIT_QUOTES)
                    .tags(tags).tag("level", level.flag()).register(registry));
        }
        for (DecodeErrorKind kind : DecodeErrorKind.values()) {
            registered.add(registry, FunctionCounter.builder(JvqMeters.DECODE_ERRORS, feed, f -> f.decodeErrors(kind))
                    .description("what could not be decoded: a whole frame, or one line")
                    .tags(tags).tag("kind", kind.tag()).register(registry));
        }
    }
}
