package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.DataFormatException;

/**
 * Decodes binary quote frames (docs/PROTOCOL.md §5): raw DEFLATE, inflated by a {@link FrameInflater}
 * into a reused buffer that grows up to {@code maxInflatedBytes}, then parsed by a {@link QuoteParser}.
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
    private final FrameInflater inflater;
    private final QuoteParser parser = new QuoteParser();
    private int inflated;
    private boolean closed;

    /**
     * With the inflater chosen for this JVM ({@link FrameInflaters#open}).
     *
     * @param maxInflatedBytes the most one frame may inflate to; larger frames are reported and skipped
     */
    public FrameDecoder(int maxInflatedBytes) {
        this(FrameInflaters.open(maxInflatedBytes));
    }

    /** With this inflater, whose cap is the decoder's; {@link #close()} closes it. */
    public FrameDecoder(FrameInflater inflater) {
        this.inflater = Objects.requireNonNull(inflater, "inflater");
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
        FrameInflater.Outcome outcome;
        String notDeflate = null;
        try {
            outcome = inflater.inflate(compressed);
        } catch (DataFormatException e) {
            outcome = null;
            notDeflate = e.getMessage();
        } finally {
            inflated = inflater.inflatedBytes();
        }
        if (outcome == null) {
            sink.onError(frameError("binary frame is not raw DEFLATE data ("
                    + (notDeflate == null ? "invalid data" : notDeflate) + "); " + compressedBytes
                    + " bytes skipped"));
            return;
        }
        switch (outcome) {
            case COMPLETE:
                parser.parse(inflater.output(), 0, inflated, sink);
                break;
            case OVER_CAP:
                sink.onError(frameError("binary frame inflates past the cap of " + inflater.maxInflatedBytes()
                        + " bytes (maxInflatedBytes); skipped (" + compressedBytes + " compressed bytes)"));
                break;
            default:
                endedEarly(compressed, position, compressedBytes, sink);
        }
    }

    private void endedEarly(ByteBuffer compressed, int position, int compressedBytes, QuoteSink sink) {
        byte[] output = inflater.output();
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

    /** Bytes the last frame inflated to (0 when it was not DEFLATE data; at most the cap). */
    public int inflatedBytes() {
        return inflated;
    }

    private static DecodeError frameError(String reason) {
        return new DecodeError(null, "", reason);
    }

    /** Closes the inflater; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inflater.close();
        }
    }
}
