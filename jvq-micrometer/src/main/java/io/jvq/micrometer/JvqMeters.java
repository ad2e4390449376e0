package io.jvq.micrometer;

import java.util.List;

/**
 * The names of jvq's meters. Each counts one thing in one unit (its base unit, where it has one),
 * so a meter's total across its tags means something on its own. Prometheus turns the dots into
 * underscores and appends the base unit (unless the name ends with it) and {@code _total} to a
 * counter: {@code jvq.frames.compressed} is scraped as {@code jvq_frames_compressed_bytes_total}.
 */
public final class JvqMeters {
    /** Base unit of the frame counters. */
    public static final String UNIT_FRAMES = "frames";
    /** Base unit of the quote counters and gauges: quotes, trades and books alike. */
    public static final String UNIT_QUOTES = "quotes";

    /** Counter, frames: binary frames received. */
    public static final String FRAMES = "jvq.frames";
    /** Counter, bytes: the binary frames as received (raw DEFLATE, as the server sent them). */
    public static final String FRAMES_COMPRESSED = "jvq.frames.compressed";
    /** Counter, bytes: what the received frames inflated to (the text lines decoded). */
    public static final String FRAMES_INFLATED = "jvq.frames.inflated";
    /** Counter, frames: frames that arrived after their connection's end, not decoded. */
    public static final String FRAMES_UNDELIVERED = "jvq.frames.undelivered";
    /** Counter, quotes, tag {@code level=lv1|lv2|lv10}: records decoded. */
    public static final String RECORDS = "jvq.quotes";
    /** Counter, quotes: records handed to the listener or sink. */
    public static final String DELIVERED = "jvq.quotes.delivered";
    /** Counter, quotes: records of a frame cut short by the end of their connection. */
    public static final String UNDELIVERED = "jvq.quotes.undelivered";
    /** Timer with a percentile histogram: feed lag per frame. */
    public static final String FEED_LAG = "jvq.feed.lag";
    /** Time gauge: the last frame's feed lag. */
    public static final String FEED_LAG_LAST = "jvq.feed.lag.last";
    /** Time gauge: time since the last frame. */
    public static final String LAST_FRAME_AGE = "jvq.feed.last.frame.age";
    /** Gauge: 1 when connected, else 0. */
    public static final String CONNECTED = "jvq.connected";
    /** Time gauge: the current connection's age. */
    public static final String UPTIME = "jvq.connection.uptime";
    /** Counter, connections: connections opened and subscribed. */
    public static final String CONNECTIONS = "jvq.connections";
    /** Counter: reconnections scheduled. */
    public static final String RECONNECTS = "jvq.reconnects";
    /** Counter, tag {@code kind=frame|line}: what could not be decoded. */
    public static final String DECODE_ERRORS = "jvq.decode.errors";
    /** Counter: discovery calls that failed or were refused. */
    public static final String DISCOVERY_FAILURES = "jvq.discovery.failures";
    /** Counter, events: feed events the listener or sink threw on. */
    public static final String LISTENER_FAILURES = "jvq.listener.failures";
    /** Gauge, events: feed events queued for the listener now. */
    public static final String DISPATCH_QUEUED = "jvq.dispatch.queued";
    /** Gauge, events: the most feed events ever queued at once. */
    public static final String DISPATCH_QUEUED_PEAK = "jvq.dispatch.queued.peak";
    /** Counter, events: feed events the bounded queue dropped. */
    public static final String DISPATCH_DROPPED = "jvq.dispatch.dropped";

    /** Counter, quotes: quotes a Kafka bridge was given by its client. */
    public static final String BRIDGE_RECEIVED = "jvq.bridge.received";
    /** Counter, quotes: quotes Kafka acknowledged. */
    public static final String BRIDGE_PUBLISHED = "jvq.bridge.published";
    /** Counter, quotes: quotes dropped (buffer full, given after close, left when close timed out). */
    public static final String BRIDGE_DROPPED = "jvq.bridge.dropped";
    /** Counter, quotes: quotes Kafka did not take (refused, or failed after its retries). */
    public static final String BRIDGE_FAILED = "jvq.bridge.failed";
    /** Gauge, quotes: quotes waiting in the bridge's buffer now. */
    public static final String BRIDGE_BUFFERED = "jvq.bridge.buffered";
    /** Gauge, quotes: quotes handed to the producer and not yet acknowledged or failed. */
    public static final String BRIDGE_IN_FLIGHT = "jvq.bridge.in.flight";
    /** Gauge, tag {@code state=running|failing|stopped|closed}: 1 for the bridge's state now, 0 for the others. */
    public static final String BRIDGE_STATE = "jvq.bridge.state";

    /** Every name a {@link JvqClientMetrics} registers. */
    public static final List<String> ALL = List.of(FRAMES, FRAMES_COMPRESSED, FRAMES_INFLATED, FRAMES_UNDELIVERED,
            RECORDS, DELIVERED, UNDELIVERED, FEED_LAG, FEED_LAG_LAST, LAST_FRAME_AGE, CONNECTED, UPTIME, CONNECTIONS,
            RECONNECTS, DECODE_ERRORS, DISCOVERY_FAILURES, LISTENER_FAILURES, DISPATCH_QUEUED, DISPATCH_QUEUED_PEAK,
            DISPATCH_DROPPED);

    /** Every name a {@link JvqBridgeMetrics} registers. */
    public static final List<String> BRIDGE = List.of(BRIDGE_RECEIVED, BRIDGE_PUBLISHED, BRIDGE_DROPPED, BRIDGE_FAILED,
            BRIDGE_BUFFERED, BRIDGE_IN_FLIGHT, BRIDGE_STATE);

    private JvqMeters() {
    }
}
