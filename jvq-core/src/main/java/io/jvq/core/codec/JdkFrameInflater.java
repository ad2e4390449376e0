package io.jvq.core.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** {@link FrameInflater} on {@code java.util.zip.Inflater}: streaming, stopping as soon as the cap is passed. */
final class JdkFrameInflater implements FrameInflater {
    static final String NAME = "java.util.zip.Inflater";
    private static final int INITIAL_OUTPUT_BYTES = 16 * 1024;
    private static final byte[] NO_INPUT = new byte[0];

    private final int maxInflatedBytes;
    private final Inflater inflater = new Inflater(true);
    /** Receives one byte when the output is full at the cap: any byte there means the frame is over it. */
    private final byte[] probe = new byte[1];
    private byte[] output;
    private int inflated;
    private boolean closed;

    JdkFrameInflater(int maxInflatedBytes) {
        this.maxInflatedBytes = FrameInflaters.requirePositive(maxInflatedBytes);
        this.output = new byte[Math.min(maxInflatedBytes, INITIAL_OUTPUT_BYTES)];
    }

    @Override
    public Outcome inflate(ByteBuffer compressed) throws DataFormatException {
        int position = compressed.position();
        inflated = 0;
        try {
            inflater.setInput(compressed);
            return inflate();
        } finally {
            // Forget the caller's buffer and be ready for the next frame.
            inflater.reset();
            inflater.setInput(NO_INPUT);
            compressed.position(position);
        }
    }

    private Outcome inflate() throws DataFormatException {
        int total = 0;
        while (true) {
            int n;
            if (total < output.length || grow()) {
                n = inflater.inflate(output, total, output.length - total);
                total += n;
            } else {
                n = inflater.inflate(probe, 0, 1);
                if (n > 0) {
                    return Outcome.OVER_CAP;
                }
            }
            inflated = total;
            if (inflater.finished()) {
                return Outcome.COMPLETE;
            }
            if (n == 0) {
                // No output although there was room: the input ran out before the final block.
                // (Raw DEFLATE has no header to ask for a preset dictionary with.)
                return Outcome.ENDED_EARLY;
            }
        }
    }

    /** Doubles the output buffer up to the cap; false when it is already at the cap. */
    private boolean grow() {
        if (output.length >= maxInflatedBytes) {
            return false;
        }
        output = Arrays.copyOf(output, (int) Math.min(maxInflatedBytes, 2L * output.length));
        return true;
    }

    @Override
    public byte[] output() {
        return output;
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
            inflater.end();
        }
    }
}
