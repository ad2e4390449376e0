package io.jvq.bench.e2e;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Records, for every trade delivered, the nanoseconds since its frame was sent (and since it was
 * due to be sent, which also charges a late sender: coordinated omission). The sender notes each
 * frame's times under its {@link MarkedFrames} slot before pushing it; the listener finds the slot
 * in the frame's first trade id. Frames arrive in order, so the listener also knows which frame
 * number to expect, and counts a slot overwritten by a later frame as an overrun (the ring was too
 * small for the delay) instead of reporting a wrong latency.
 */
public final class LatencyTap extends FeedTap {
    private final AtomicLongArray sentAt;
    private final AtomicLongArray dueAt;
    private final AtomicLongArray frameNumber;
    private final Recorder sinceSent = new Recorder(3);
    private final Recorder sinceDue = new Recorder(3);
    private final AtomicLong overruns = new AtomicLong();
    private long expectedFrame;
    private long currentSent;
    private long currentDue;

    public LatencyTap(int slots) {
        sentAt = new AtomicLongArray(slots);
        dueAt = new AtomicLongArray(slots);
        frameNumber = new AtomicLongArray(slots);
    }

    /** The sender's note, written before the frame is pushed. */
    public void sending(int slot, long frame, long due, long sent) {
        dueAt.set(slot, due);
        sentAt.set(slot, sent);
        frameNumber.set(slot, frame);
    }

    @Override
    protected void trade(long tradeId, long price, long quantity) {
        long now = System.nanoTime();
        if (tradeId >= MarkedFrames.MARKER_BASE) {
            int slot = (int) (tradeId - MarkedFrames.MARKER_BASE);
            long frame = expectedFrame++;
            if (slot >= sentAt.length() || frameNumber.get(slot) != frame) {
                overruns.incrementAndGet();
            }
            currentSent = sentAt.get(slot);
            currentDue = dueAt.get(slot);
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

    public long overruns() {
        return overruns.get();
    }
}
