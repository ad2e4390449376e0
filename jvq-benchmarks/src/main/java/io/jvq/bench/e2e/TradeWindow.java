package io.jvq.bench.e2e;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces a pusher by acknowledgement: at most {@code frames} frames pushed and not yet fully delivered
 * to the listener. The pusher calls {@link #awaitRoom} before each push and {@link #pushed} after;
 * delivery is read from a {@link FeedTap}'s trade count. Not thread-safe: one pusher.
 */
public final class TradeWindow {
    /** Polling period while the window is full; Linux rounds it up to about 60 µs. */
    private static final long PARK_NANOS = 20_000;

    private final FeedTap tap;
    private final long[] cumulativeAt;
    private final long stallNanos;
    private long pushedTrades;
    private long pushedFrames;

    /**
     * @param stall how long delivery may stand still before the client is declared stuck
     */
    public TradeWindow(FeedTap tap, int frames, Duration stall) {
        if (frames < 1) {
            throw new IllegalArgumentException("window must be at least one frame, got " + frames);
        }
        this.tap = tap;
        this.cumulativeAt = new long[frames];
        this.stallNanos = stall.toNanos();
    }

    /** Waits until the frame pushed {@code frames} pushes ago has been delivered in full. */
    public void awaitRoom() {
        int slot = (int) (pushedFrames % cumulativeAt.length);
        awaitDelivered(cumulativeAt[slot]);
    }

    /** Records a push of a frame carrying {@code trades} trades. */
    public void pushed(int trades) {
        pushedTrades += trades;
        cumulativeAt[(int) (pushedFrames % cumulativeAt.length)] = pushedTrades;
        pushedFrames++;
    }

    /** Waits until every pushed trade has been delivered. */
    public void drain() {
        awaitDelivered(pushedTrades);
    }

    public long pushedTrades() {
        return pushedTrades;
    }

    public long pushedFrames() {
        return pushedFrames;
    }

    private void awaitDelivered(long trades) {
        long seen = tap.trades();
        long lastProgress = System.nanoTime();
        while (seen < trades) {
            LockSupport.parkNanos(PARK_NANOS);
            long now = tap.trades();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallNanos) {
                throw new IllegalStateException("delivery stalled: " + seen + " of " + trades
                        + " trades delivered, none for " + Duration.ofNanos(stallNanos) + "; decode errors: "
                        + tap.decodeErrors() + (tap.firstDecodeError() == null ? "" : " (first: "
                        + tap.firstDecodeError() + ")"));
            }
        }
    }
}
