package io.jvq.micrometer;

import java.util.List;

/** The names of jvq's meters (Prometheus turns the dots into underscores and adds unit suffixes). */
public final class JvqMeters {
    /** Counter: binary frames received. */
    public static final String FRAMES = "jvq.frames";
    /** Counter, bytes, tag {@code form=compressed|inflated}. */
    public static final String FRAME_BYTES = "jvq.frames.bytes";
    /** Counter, tag {@code level=lv1|lv2|lv10}: records decoded. */
    public static final String RECORDS = "jvq.quotes";
    /** Counter: records handed to the listener or sink. */
    public static final String DELIVERED = "jvq.quotes.delivered";
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
    /** Counter: connections opened. */
    public static final String CONNECTIONS = "jvq.connections";
    /** Counter: reconnections scheduled. */
    public static final String RECONNECTS = "jvq.reconnects";
    /** Counter, tag {@code kind=frame|line}. */
    public static final String DECODE_ERRORS = "jvq.decode.errors";
    /** Counter. */
    public static final String DISCOVERY_FAILURES = "jvq.discovery.failures";
    /** Counter. */
    public static final String LISTENER_FAILURES = "jvq.listener.failures";
    /** Gauge: feed events queued for the listener now. */
    public static final String DISPATCH_QUEUED = "jvq.dispatch.queued";
    /** Gauge: the most feed events ever queued at once. */
    public static final String DISPATCH_QUEUED_PEAK = "jvq.dispatch.queued.peak";
    /** Counter: feed events the bounded queue dropped. */
    public static final String DISPATCH_DROPPED = "jvq.dispatch.dropped";
    /** Counter, tag {@code what=records|frames}: what a connection's end kept from the listener. */
    public static final String UNDELIVERED = "jvq.quotes.undelivered";

    /** Every name above. */
    public static final List<String> ALL = List.of(FRAMES, FRAME_BYTES, RECORDS, DELIVERED, FEED_LAG, FEED_LAG_LAST,
            LAST_FRAME_AGE, CONNECTED, UPTIME, CONNECTIONS, RECONNECTS, DECODE_ERRORS, DISCOVERY_FAILURES,
            LISTENER_FAILURES, DISPATCH_QUEUED, DISPATCH_QUEUED_PEAK, DISPATCH_DROPPED, UNDELIVERED);

    private JvqMeters() {
    }
}
