package io.jvq.core.client;

/**
 * What a {@link Dispatch#bounded bounded hand-off} does with a feed event when its queue is full
 * because the listener is slower than the feed.
 */
public enum OverflowPolicy {
    /**
     * Discard the oldest queued feed event to make room: the listener skips ahead and sees the
     * freshest data. Usually right for level-1 snapshots, where the next one supersedes the last.
     */
    DROP_OLDEST,

    /** Discard the arriving feed event: the listener keeps the queue it has and misses what comes next. */
    DROP_NEWEST,

    /**
     * Lose nothing: the thread that delivers frames (the transport's reader) waits until the
     * listener has made room, so the backpressure reaches the socket and, through TCP, the server.
     * Only for transports that read on a thread of their own (Tyrus, the JDK's WebSocket): on an
     * event-loop transport (Vert.x) it would block the event loop, so use a dropping policy there.
     * A wait longer than the idle timeout gets the connection replaced, as any silence would.
     */
    BLOCK
}
