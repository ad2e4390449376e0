package io.jvq.bench.e2e;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Records, for every trade delivered, the nanoseconds since its frame was sent (and since it was
 * due to be sent, which also charges a late sender: coordinated omission). The sender notes each
 * frame's times under its {@link MarkedFrames} slot in a {@link SendLog} before pushing it (in this
 * process or another); the listener finds the slot in the frame's first trade id. Frames arrive in
 * order, so the listener also knows which frame number to expect, and counts a slot overwritten by a
 * later frame as an overrun (the ring was too small for the delay) instead of reporting a wrong latency.
 */
public final class LatencyTap extends FeedTap {
    private final SendLog log;
    private final Recorder sinceSent = new Recorder(3);
    private final Recorder sinceDue = new Recorder(3);
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong maxSenderLate = new AtomicLong();
    private long expectedFrame;
    private long currentSent;
    private long currentDue;

    public LatencyTap(SendLog log) {
        this.log = log;
    }

    @Override
    protected void trade(long tradeId, long price, long quantity) {
        long now = System.nanoTime();
        if (tradeId >= MarkedFrames.MARKER_BASE) {
            int slot = (int) (tradeId - MarkedFrames.MARKER_BASE);
            long frame = expectedFrame++;
            if (slot >= log.slots() || log.frame(slot) != frame) {
                overruns.incrementAndGet();
            } else {
                currentSent = log.sent(slot);
                currentDue = log.due(slot);
                long late = currentSent - currentDue;
                if (late > maxSenderLate.get()) {
                    maxSenderLate.accumulateAndGet(late, Math::max);
                }
            }
        }
        sinceSent.recordValue(Math.max(0, now - currentSent));
        sinceDue.recordValue(Math.max(0, now - currentDue));
    }

    /** Latency from send since the last call (the first call: since construction). */
    public Histogram takeSinceSent() {
        return sinceSent.getIntervalHistogram();
    }

    public Histogram takeSinceDue() {
        return sinceDue.getIntervalHistogram();
    }

    /** The most a frame delivered since the last call went out after it was due, in nanoseconds. */
    public long takeMaxSenderLate() {
        return maxSenderLate.getAndSet(0);
    }

    public long overruns() {
        return overruns.get();
    }
}
