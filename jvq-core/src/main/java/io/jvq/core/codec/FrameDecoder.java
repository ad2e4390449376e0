package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes binary quote frames (docs/PROTOCOL.md §5): raw DEFLATE, inflated into a reused buffer that grows
 * up to {@code maxInflatedBytes}, then parsed by a {@link QuoteParser}.
 *
 * <p>What happens to a frame that is not well formed (the next frame always decodes normally):
 * <ul>
 * <li>it would inflate past the cap: inflating stops as soon as the cap is passed (so a
 *     decompression bomb costs at most the cap in memory and time), a frame-level
 *     {@link DecodeError} names the cap, and nothing of the frame is delivered;</li>
 * <li>it is not DEFLATE data: a frame-level error, nothing delivered;</li>
 * <li>its stream ends without the final block: every complete line inflated is delivered, and a
 *     {@link DecodeError} (code {@code null}, excerpt = the incomplete last line, which is dropped
 *     because a cut number would parse as a wrong one) reports the truncation. A stream that ends on
 *     a sync-flush marker ({@code 00 00 ff ff}) is complete as far as its sender meant it, and
 *     decodes without error;</li>
 * <li>bytes after the final block are ignored.</li>
 * </ul>
 * Not thread-safe: one decoder per connection.
 */
public final class FrameDecoder implements AutoCloseable {
    private static final int INITIAL_OUTPUT_BYTES = 16 * 1024;
    private static final byte[] NO_INPUT = new byte[0];

    private enum Outcome { COMPLETE, ENDED_EARLY, OVER_CAP }

    private final int maxInflatedBytes;
    private final Inflater inflater = new Inflater(true);
    private final QuoteParser parser = new QuoteParser();
    /** Receives one byte when the output is full at the cap: any byte there means the frame is over it. */
    private final byte[] probe = new byte[1];
    private byte[] output;
    private int inflated;
    private boolean closed;

    /** @param maxInflatedBytes the most one frame may inflate to; larger frames are reported and skipped */
    public FrameDecoder(int maxInflatedBytes) {
        if (maxInflatedBytes < 1) {
            throw new IllegalArgumentException("maxInflatedBytes must be positive, got " + maxInflatedBytes);
        }
        this.maxInflatedBytes = maxInflatedBytes;
        this.output = new byte[Math.min(maxInflatedBytes, INITIAL_OUTPUT_BYTES)];
    }

    /** Records so far that had extra trailing fields (ignored; each record still delivered). */
    public long extraFieldRecords() {
        return parser.extraFieldRecords();
    }

    /**
     * Inflates one binary message and reports every record and error to sink, in order. Never throws
     * for bad input. Reads the buffer's remaining bytes; its position and limit are left as they were.
     */
    public void decode(ByteBuffer compressed, QuoteSink sink) {
        Objects.requireNonNull(compressed, "compressed");
        Objects.requireNonNull(sink, "sink");
        if (closed) {
            throw new IllegalStateException("frame decoder is closed");
        }
        int position = compressed.position();
        int compressedBytes = compressed.remaining();
        Outcome outcome;
        String notDeflate = null;
        inflated = 0;
        try {
            inflater.setInput(compressed);
            outcome = inflate();
        } catch (DataFormatException e) {
            outcome = null;
            notDeflate = e.getMessage();
        } finally {
            // Forget the caller's buffer and be ready for the next frame.
            inflater.reset();
            inflater.setInput(NO_INPUT);
            compressed.position(position);
        }
        if (outcome == null) {
            sink.onError(frameError("binary frame is not raw DEFLATE data ("
                    + (notDeflate == null ? "invalid data" : notDeflate) + "); " + compressedBytes
                    + " bytes skipped"));
            return;
        }
        switch (outcome) {
            case COMPLETE:
                parser.parse(output, 0, inflated, sink);
                break;
            case OVER_CAP:
                sink.onError(frameError("binary frame inflates past the cap of " + maxInflatedBytes
                        + " bytes (maxInflatedBytes); skipped (" + compressedBytes + " compressed bytes)"));
                break;
            default:
                endedEarly(compressed, position, compressedBytes, sink);
        }
    }

    private void endedEarly(ByteBuffer compressed, int position, int compressedBytes, QuoteSink sink) {
        if (compressedBytes == 0) {
            sink.onError(frameError("empty binary frame"));
        } else if (endsWithSyncFlush(compressed, position, compressedBytes)) {
            parser.parse(output, 0, inflated, sink);
        } else {
            int complete = inflated;
            while (complete > 0 && output[complete - 1] != '\n') {
                complete--;
            }
            parser.parse(output, 0, complete, sink);
            sink.onError(new DecodeError(null, ErrorText.excerpt(output, complete, inflated),
                    "binary frame ended before its final DEFLATE block (" + compressedBytes + " compressed, "
                            + inflated + " inflated bytes); the complete lines were delivered, the "
                            + (complete == inflated ? "rest of the frame is lost" : "incomplete last line was dropped")));
        }
    }

    private static boolean endsWithSyncFlush(ByteBuffer compressed, int position, int compressedBytes) {
        int end = position + compressedBytes;
        return compressedBytes >= 4 && compressed.get(end - 4) == 0 && compressed.get(end - 3) == 0
                && compressed.get(end - 2) == (byte) 0xff && compressed.get(end - 1) == (byte) 0xff;
    }

    /** Inflates the current input into {@link #output}, stopping as soon as the cap is passed. */
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

    /** Bytes the last frame inflated to (0 when it was not DEFLATE data; at most the cap). */
    public int inflatedBytes() {
        return inflated;
    }

    private static DecodeError frameError(String reason) {
        return new DecodeError(null, "", reason);
    }

    /** Ends the inflater; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inflater.end();
        }
    }
}
