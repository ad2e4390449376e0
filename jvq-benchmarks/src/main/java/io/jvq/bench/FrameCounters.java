package io.jvq.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results next to frames per second: inflated bytes per second (the per-byte figure
 * the targets compare) and records per second (trades or snapshots). JMH reports each public
 * field as a rate over the iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FrameCounters {
    /** Inflated bytes handled. */
    public long bytes;
    /** Level-1 snapshots or level-2 trades handled. */
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
        bytes = 0;
        events = 0;
    }

    public void add(long frameBytes, long frameEvents) {
        bytes += frameBytes;
        events += frameEvents;
    }
}
