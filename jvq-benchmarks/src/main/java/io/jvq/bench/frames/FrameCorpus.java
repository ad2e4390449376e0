package io.jvq.bench.frames;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of frames for one benchmark configuration: each frame's compressed bytes (what
 * arrives on the socket), its inflated text and how many records it carries. Benchmarks cycle
 * through the frames so that the input is not one cache-hot buffer.
 */
public final class FrameCorpus {
    /** Distinct securities per level: "thousands of codes", as a full-market subscription has. */
    public static final int SECURITIES = 5000;

    private final FrameMix mix;
    private final byte[][] compressed;
    private final byte[][] inflated;
    private final int[] events;
    private final long inflatedBytes;
    private final long compressedBytes;
    private final long totalEvents;
    private final int maxInflatedBytes;

    private FrameCorpus(FrameMix mix, List<GeneratedFrame> frames) {
        this.mix = mix;
        int n = frames.size();
        this.compressed = new byte[n][];
        this.inflated = new byte[n][];
        this.events = new int[n];
        long in = 0;
        long out = 0;
        long ev = 0;
        int max = 0;
        for (int i = 0; i < n; i++) {
            GeneratedFrame frame = frames.get(i);
            inflated[i] = frame.inflated();
            compressed[i] = Deflate.raw(frame.inflated());
            events[i] = frame.events();
            in += inflated[i].length;
            out += compressed[i].length;
            ev += frame.events();
            max = Math.max(max, inflated[i].length);
        }
        this.inflatedBytes = in;
        this.compressedBytes = out;
        this.totalEvents = ev;
        this.maxInflatedBytes = max;
    }

    /**
     * Frames of about {@code frameBytes} inflated each, enough of them to make about
     * {@code totalBytes} of text in all (at least one frame).
     */
    public static FrameCorpus generate(FrameMix mix, int frameBytes, long totalBytes, long seed) {
        if (frameBytes < 1 || totalBytes < 1) {
            throw new IllegalArgumentException("frameBytes and totalBytes must be positive, got "
                    + frameBytes + " and " + totalBytes);
        }
        SyntheticMarket market = new SyntheticMarket(seed, SECURITIES);
        List<GeneratedFrame> frames = new ArrayList<>();
        long bytes = 0;
        while (bytes < totalBytes) {
            GeneratedFrame frame = market.nextFrame(mix, frameBytes);
            frames.add(frame);
            bytes += frame.inflated().length;
        }
        return new FrameCorpus(mix, frames);
    }

    /** Frames built from texts made elsewhere (e.g. jvq-sim's market simulator). */
    public static FrameCorpus of(FrameMix mix, List<GeneratedFrame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a corpus needs at least one frame");
        }
        return new FrameCorpus(mix, List.copyOf(frames));
    }

    public FrameMix mix() {
        return mix;
    }

    public int size() {
        return compressed.length;
    }

    /** The raw-deflate bytes of frame {@code i}; callers must not modify them. */
    public byte[] compressed(int i) {
        return compressed[i];
    }

    /** The inflated UTF-8 text of frame {@code i}; callers must not modify it. */
    public byte[] inflated(int i) {
        return inflated[i];
    }

    /** Level-1 snapshots or level-2 trades in frame {@code i}. */
    public int events(int i) {
        return events[i];
    }

    /** One heap buffer per frame over its compressed bytes; rewind before each use. */
    public ByteBuffer[] compressedBuffers() {
        ByteBuffer[] buffers = new ByteBuffer[compressed.length];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = ByteBuffer.wrap(compressed[i]);
        }
        return buffers;
    }

    public long inflatedBytes() {
        return inflatedBytes;
    }

    public long compressedBytes() {
        return compressedBytes;
    }

    public long totalEvents() {
        return totalEvents;
    }

    public int maxInflatedBytes() {
        return maxInflatedBytes;
    }

    @Override
    public String toString() {
        return String.format("%s corpus: %d frames, %d inflated bytes (%.0f a frame), %d compressed (%.1f%%), %d events",
                mix, size(), inflatedBytes, (double) inflatedBytes / size(), compressedBytes,
                100.0 * compressedBytes / inflatedBytes, totalEvents);
    }
}
