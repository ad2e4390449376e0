package io.jvq.core.client;

import io.jvq.core.QuoteLevel;
import io.jvq.core.event.DecodeError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

/**
 * What operations watch on a live feed, as of now: when the last frame came, how far behind the
 * exchange it was (the <em>feed lag</em>), whether the client is connected and for how long, how
 * full the dispatch queue is, and what was received per quote level and lost per error kind.
 * A client's {@link JvqClient#metrics()}; every read is cheap and callable from any thread.
 *
 * <p>Feed lag is the frame's receive time minus the exchange time of the newest quote or trade in
 * it. Quote times are milliseconds since midnight on the exchange's clock ({@link #EXCHANGE_ZONE},
 * UTC+8), so the lag includes any error of the local clock: keep it synchronised (NTP). A frame
 * with no quote or trade (only errors) has no lag.
 */
public final class FeedMetrics {
    /** The exchange's time zone: China Standard Time. */
    public static final ZoneOffset EXCHANGE_ZONE = ZoneOffset.ofHours(8);
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final long ZONE_MILLIS = EXCHANGE_ZONE.getTotalSeconds() * 1000L;
    private static final long NEVER = Long.MIN_VALUE;
    private static final int NO_RECORD = -1;

    private final Clock clock;
    private final LagHistogram lag = new LagHistogram();
    private final LongAdder inflatedBytes = new LongAdder();
    private final Map<QuoteLevel, LongAdder> records = new EnumMap<>(QuoteLevel.class);
    private final Map<DecodeErrorKind, LongAdder> decodeErrors = new EnumMap<>(DecodeErrorKind.class);
    /** Copied on add and remove (rare), read per frame without an iterator. */
    private volatile LongConsumer[] lagListeners = new LongConsumer[0];
    private volatile IntSupplier queueDepth = () -> 0;
    private volatile long lastFrameMillis = NEVER;
    private volatile long lastLagMillis = NEVER;
    private volatile long connectedSinceMillis = NEVER;
    // The frame being decoded: written and read on the reader thread only.
    private long frameMillis;
    private int newestInFrame = NO_RECORD;

    FeedMetrics(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        for (QuoteLevel level : QuoteLevel.values()) {
            records.put(level, new LongAdder());
        }
        for (DecodeErrorKind kind : DecodeErrorKind.values()) {
            decodeErrors.put(kind, new LongAdder());
        }
    }

    // ---- reads ------------------------------------------------------------------------------

    /** When the last binary frame was received; empty before the first. */
    public Optional<Instant> lastFrameAt() {
        long at = lastFrameMillis;
        return at == NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** Time since the last binary frame; empty before the first. */
    public Optional<Duration> sinceLastFrame() {
        long at = lastFrameMillis;
        return at == NEVER ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, clock.millis() - at)));
    }

    /** The feed lag of the last frame that held a quote or trade (negative when the local clock is behind). */
    public Optional<Duration> lastLag() {
        long l = lastLagMillis;
        return l == NEVER ? Optional.empty() : Optional.of(Duration.ofMillis(l));
    }

    /** Every frame's feed lag so far, in buckets. */
    public LagHistogram.Snapshot lagHistogram() {
        return lag.snapshot();
    }

    /** True while a connection is open and subscribed. */
    public boolean connected() {
        return connectedSinceMillis != NEVER;
    }

    /** How long the current connection has been up; zero when not connected. */
    public Duration uptime() {
        long since = connectedSinceMillis;
        return since == NEVER ? Duration.ZERO : Duration.ofMillis(Math.max(0, clock.millis() - since));
    }

    /** Feed events waiting in the bounded dispatch queue now; always 0 with direct dispatch. */
    public int queuedEvents() {
        return queueDepth.getAsInt();
    }

    /** Bytes the received frames inflated to. */
    public long inflatedBytes() {
        return inflatedBytes.sum();
    }

    /** Quotes, trades or books decoded at {@code level}. */
    public long records(QuoteLevel level) {
        return counter(records, Objects.requireNonNull(level, "level")).sum();
    }

    /** Decode errors of {@code kind}. */
    public long decodeErrors(DecodeErrorKind kind) {
        return counter(decodeErrors, Objects.requireNonNull(kind, "kind")).sum();
    }

    /**
     * Calls {@code lagMillis} with every later frame's feed lag, on the transport's reader thread:
     * it must be quick and must not block (a metrics library's timer is). An exception it throws
     * is not caught.
     */
    public synchronized void addLagListener(LongConsumer lagMillis) {
        Objects.requireNonNull(lagMillis, "lagMillis");
        LongConsumer[] more = Arrays.copyOf(lagListeners, lagListeners.length + 1);
        more[more.length - 1] = lagMillis;
        lagListeners = more;
    }

    /**
     * Stops calling {@code lagMillis} (the same instance given to {@link #addLagListener}; added
     * twice, it is removed once). False when it was not listening.
     */
    public synchronized boolean removeLagListener(LongConsumer lagMillis) {
        Objects.requireNonNull(lagMillis, "lagMillis");
        LongConsumer[] now = lagListeners;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == lagMillis) {
                LongConsumer[] fewer = new LongConsumer[now.length - 1];
                System.arraycopy(now, 0, fewer, 0, i);
                System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
                lagListeners = fewer;
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "FeedMetrics[connected=" + connected() + ", lastLag=" + lastLag().map(Duration::toMillis).orElse(null)
                + " ms, frames with lag=" + lag.snapshot().count() + "]";
    }

    // ---- the session's hooks ----------------------------------------------------------------

    /** Reader thread: a binary frame arrived; its records follow, then {@link #frameDecoded}. */
    void frameReceived() {
        long now = clock.millis();
        frameMillis = now;
        lastFrameMillis = now;
        newestInFrame = NO_RECORD;
    }

    /** Reader thread: one quote, trade or book of the current frame. */
    void record(QuoteLevel level, int timeOfDayMillis) {
        counter(records, level).increment();
        if (timeOfDayMillis > newestInFrame) {
            newestInFrame = timeOfDayMillis;
        }
    }

    void decodeError(DecodeError error) {
        counter(decodeErrors, DecodeErrorKind.of(error)).increment();
    }

    /** Reader thread: the current frame is decoded; records its lag if it held a record. */
    void frameDecoded(int inflated) {
        inflatedBytes.add(inflated);
        if (newestInFrame == NO_RECORD) {
            return;
        }
        long lagMillis = lagMillis(frameMillis, newestInFrame);
        lastLagMillis = lagMillis;
        lag.record(lagMillis);
        LongConsumer[] listeners = lagListeners;
        for (int i = 0; i < listeners.length; i++) {
            listeners[i].accept(lagMillis);
        }
    }

    void connectionOpened() {
        connectedSinceMillis = clock.millis();
    }

    void connectionEnded() {
        connectedSinceMillis = NEVER;
    }

    void queueDepth(IntSupplier depth) {
        this.queueDepth = Objects.requireNonNull(depth, "depth");
    }

    /**
     * Receive time minus exchange time. The exchange time has no date: the lag is taken as the
     * nearest one, within half a day either way, so a frame stamped 23:59:59.900 and received at
     * 00:00:00.100 is 200 ms late, not a day early.
     */
    static long lagMillis(long receivedEpochMillis, int exchangeMillisOfDay) {
        long receivedOfDay = Math.floorMod(receivedEpochMillis + ZONE_MILLIS, DAY_MILLIS);
        long lag = receivedOfDay - exchangeMillisOfDay;
        if (lag > DAY_MILLIS / 2) {
            lag -= DAY_MILLIS;
        } else if (lag < -DAY_MILLIS / 2) {
            lag += DAY_MILLIS;
        }
        return lag;
    }

    /** The counter of {@code key}: the constructor puts one in for every constant, so there always is one. */
    private static <K> LongAdder counter(Map<K, LongAdder> counters, K key) {
        return Objects.requireNonNull(counters.get(key), "no counter");
    }
}
