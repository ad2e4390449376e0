package io.jvq.testkit;

/**
 * A replay paced by trades rather than by the recorded clock, for load tests: each quote frame of
 * the capture is sent when the trades sent before it are due at this rate, so the feed keeps the
 * rate however the frames were spaced when recorded (and however many trades each holds). With
 * {@link #looping()} the capture's frames are sent again and again until the replay is cancelled
 * or the server closes.
 *
 * <pre>{@code
 * Replay replay = server.replay(capture, ReplayRate.tradesPerSecond(1_000_000).looping());
 * }</pre>
 */
public final class ReplayRate {
    /** The highest rate accepted: a billion trades a second, far beyond any real feed. */
    public static final long MAX_TRADES_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long tradesPerSecond;
    private final boolean loop;
    private final boolean filter;

    private ReplayRate(long tradesPerSecond, boolean loop, boolean filter) {
        this.tradesPerSecond = tradesPerSecond;
        this.loop = loop;
        this.filter = filter;
    }

    /** The capture's quote frames once, at {@code tradesPerSecond} level-2 trades a second. */
    public static ReplayRate tradesPerSecond(long tradesPerSecond) {
        if (tradesPerSecond < 1 || tradesPerSecond > MAX_TRADES_PER_SECOND) {
            throw new IllegalArgumentException("trades per second must be 1 to " + MAX_TRADES_PER_SECOND + ", got "
                    + tradesPerSecond);
        }
        return new ReplayRate(tradesPerSecond, false, true);
    }

    /** The same rate, the capture's frames sent over and over until the replay is cancelled. */
    public ReplayRate looping() {
        return new ReplayRate(tradesPerSecond, true, filter);
    }

    /**
     * The same rate, each frame's recorded bytes sent as they are to every open connection, whatever
     * it subscribes to (as {@link FakeJvQuant#pushBinary} sends): for load tests whose clients do not
     * subscribe, or subscribe in pieces while the replay starts.
     */
    public ReplayRate unfiltered() {
        return new ReplayRate(tradesPerSecond, loop, false);
    }

    public long tradesPerSecond() {
        return tradesPerSecond;
    }

    public boolean loops() {
        return loop;
    }

    /** Whether each connection gets only the lines of its codes (the default), or every frame as recorded. */
    public boolean filters() {
        return filter;
    }

    /**
     * The pacing rule: the frame that follows {@code tradesBefore} trades is due this many
     * nanoseconds after the start (computed from the total, so that waking late never drifts).
     */
    public long dueNanos(long tradesBefore) {
        long seconds = tradesBefore / tradesPerSecond;
        long rest = tradesBefore % tradesPerSecond;
        return seconds * NANOS_PER_SECOND + rest * NANOS_PER_SECOND / tradesPerSecond;
    }

    @Override
    public String toString() {
        return tradesPerSecond + " trades/s" + (loop ? ", looping" : "") + (filter ? "" : ", unfiltered");
    }
}
