package io.jvq.core.codec;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * Inflates one binary frame's raw DEFLATE, whole, into a buffer of its own that grows up to a cap.
 * A {@link FrameDecoder} takes one from {@link FrameInflaters#open}: {@code java.util.zip.Inflater}
 * unless a {@link FrameInflaterProvider} on the class path works in this JVM. Not thread-safe.
 */
public interface FrameInflater extends AutoCloseable {

    /** How a frame's stream ended. */
    enum Outcome {
        /** The final block was inflated; bytes after it are ignored. */
        COMPLETE,
        /** The input ran out before the final block; {@link #output()} holds what was inflated. */
        ENDED_EARLY,
        /** It inflates to more than the cap; inflating stopped there. */
        OVER_CAP
    }

    /**
     * Inflates the remaining bytes of {@code compressed} (its position and limit are left as they were).
     *
     * @throws DataFormatException when they are not raw DEFLATE data
     */
    Outcome inflate(ByteBuffer compressed) throws DataFormatException;

    /** The buffer holding the last frame's bytes, from index 0; it may be replaced by a larger one. */
    byte[] output();

    /** Bytes the last frame inflated to (with {@link Outcome#OVER_CAP}: the cap). */
    int inflatedBytes();

    /** The most one frame may inflate to. */
    int maxInflatedBytes();

    /** Frees what the inflater holds; idempotent. */
    @Override
    void close();
}
