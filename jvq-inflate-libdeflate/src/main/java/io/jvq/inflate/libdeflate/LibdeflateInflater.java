package io.jvq.inflate.libdeflate;

import io.jvq.core.codec.FrameInflater;
import io.jvq.core.codec.FrameInflaters;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * {@link FrameInflater} on libdeflate, which inflates a whole frame in one call into a buffer large
 * enough for it: when the buffer is too small the frame is inflated again into one twice as large,
 * up to the cap; past it the frame is {@link Outcome#OVER_CAP}. A frame libdeflate rejects (not
 * DEFLATE, or a stream cut short, which a whole-buffer inflater cannot tell apart) is handed to
 * {@code java.util.zip.Inflater}, so that it gets the very outcome, bytes and message it gets without
 * this module.
 */
final class LibdeflateInflater implements FrameInflater {
    private static final int INITIAL_OUTPUT_BYTES = 16 * 1024;

    private final Libdeflate lib;
    private final int maxInflatedBytes;
    private final MemorySegment decompressor;
    /** actual_in_nbytes and actual_out_nbytes, as size_t, in a Java array the downcall writes to. */
    private final long[] actual = new long[2];
    private final MemorySegment actualIn = MemorySegment.ofArray(actual).asSlice(0, Long.BYTES);
    private final MemorySegment actualOut = MemorySegment.ofArray(actual).asSlice(Long.BYTES, Long.BYTES);
    private byte[] output;
    private int inflated;
    /** The JDK's inflater, for frames libdeflate rejects; made the first time one comes. */
    private FrameInflater jdk;
    /** Whether the last frame was the JDK's to answer. */
    private boolean jdkAnswered;
    private boolean closed;

    LibdeflateInflater(Libdeflate lib, int maxInflatedBytes) {
        if (maxInflatedBytes < 1) {
            throw new IllegalArgumentException("maxInflatedBytes must be positive, got " + maxInflatedBytes);
        }
        this.lib = lib;
        this.maxInflatedBytes = maxInflatedBytes;
        this.output = new byte[Math.min(maxInflatedBytes, INITIAL_OUTPUT_BYTES)];
        this.decompressor = lib.allocDecompressor();
    }

    @Override
    public Outcome inflate(ByteBuffer compressed) throws DataFormatException {
        if (closed) {
            throw new IllegalStateException("inflater is closed");
        }
        jdkAnswered = false;
        inflated = 0;
        MemorySegment in = MemorySegment.ofBuffer(compressed);
        while (true) {
            int result = lib.decompress(decompressor, in, MemorySegment.ofArray(output), actualIn, actualOut);
            if (result == Libdeflate.SUCCESS) {
                inflated = (int) actual[1];
                return Outcome.COMPLETE;
            }
            if (result == Libdeflate.INSUFFICIENT_SPACE) {
                if (output.length >= maxInflatedBytes) {
                    inflated = maxInflatedBytes;
                    return Outcome.OVER_CAP;
                }
                output = new byte[(int) Math.min(maxInflatedBytes, 2L * output.length)];
                continue;
            }
            if (result == Libdeflate.BAD_DATA) {
                return inflateWithJdk(compressed);
            }
            throw new IllegalStateException("libdeflate_deflate_decompress_ex returned " + result + " for a frame of "
                    + compressed.remaining() + " bytes");
        }
    }

    private Outcome inflateWithJdk(ByteBuffer compressed) throws DataFormatException {
        if (jdk == null) {
            jdk = FrameInflaters.jdk(maxInflatedBytes);
        }
        jdkAnswered = true;
        try {
            return jdk.inflate(compressed);
        } finally {
            inflated = jdk.inflatedBytes();
        }
    }

    @Override
    public byte[] output() {
        return jdkAnswered ? jdk.output() : output;
    }

    @Override
    public int inflatedBytes() {
        return inflated;
    }

    @Override
    public int maxInflatedBytes() {
        return maxInflatedBytes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lib.free(decompressor);
            output = new byte[0];
            if (jdk != null) {
                jdk.close();
            }
        }
    }

    @Override
    public String toString() {
        return "libdeflate inflater (" + lib.library() + ", cap " + maxInflatedBytes + " bytes)";
    }
}
