package io.jvq.testkit;

/**
 * Told of each frame of a {@linkplain FakeJvQuant#replay(io.jvq.capture.Capture, ReplayRate, ReplayProbe) rate
 * replay} just before the fake writes it, on the thread that writes it (the fake's event loop): a
 * latency harness notes send times here. It must return at once; a runtime exception it throws stops the replay.
 */
@FunctionalInterface
public interface ReplayProbe {
    /** A probe that notes nothing. */
    ReplayProbe NONE = (frameNumber, frameIndex, dueNanos, sendNanos) -> {
    };

    /**
     * A frame is about to be written.
     *
     * @param frameNumber frames written before this one since the replay started, every loop counted
     * @param frameIndex  which of the capture's quote frames this is (0 for the first)
     * @param dueNanos    when the rate wanted it sent ({@link System#nanoTime()})
     * @param sendNanos   now, as it is about to be written
     */
    void sending(long frameNumber, int frameIndex, long dueNanos, long sendNanos);
}
