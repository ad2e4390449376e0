package io.jvq.bench;

import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The corpora every benchmark decodes, one per (mix, frame size), made once per JVM so that all
 * benchmarks of a run see the same bytes (ratios within one run compare like with like).
 */
public final class Corpora {
    /** Inflated text per configuration: larger than the L2 cache, so frames arrive cold-ish. */
    public static final long TOTAL_BYTES = 2L << 20;
    /** The decoders' inflation cap: well above the largest frame, as a client would configure it. */
    public static final int MAX_INFLATED_BYTES = 1 << 20;
    private static final long SEED = 20240611L;
    private static final Map<String, FrameCorpus> CACHE = new ConcurrentHashMap<>();

    private Corpora() {
    }

    public static FrameCorpus get(FrameSource source, FrameMix mix, int frameBytes) {
        return CACHE.computeIfAbsent(source + "/" + mix + "/" + frameBytes,
                key -> source.generate(mix, frameBytes, TOTAL_BYTES, SEED + frameBytes));
    }

    /**
     * Fails the trial when a decoder delivered the wrong number of records for a frame: a
     * benchmark of a decoder that decodes wrongly measures nothing (and smoke.sh must catch it).
     */
    public static void expectEvents(String decoder, int frame, long delivered, long expected) {
        if (delivered != expected) {
            throw new IllegalStateException(decoder + " delivered " + delivered + " records from frame " + frame
                    + ", expected " + expected);
        }
    }
}
