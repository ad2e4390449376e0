package io.jvq.testkit;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * Sends quote text to a fake's open connections as raw-DEFLATE binary frames, each connection only
 * the lines of the codes it subscribes to (one frame each, none when it takes no line).
 */
final class QuoteFanOut {
    /** The most a recorded binary frame may inflate to before it is sent unfiltered. */
    static final long RECORDED_INFLATE_LIMIT = 64L * 1024 * 1024;

    private final FakeState state;
    private final int deflateLevel;

    QuoteFanOut(FakeState state, int deflateLevel) {
        this.state = state;
        this.deflateLevel = deflateLevel;
    }

    /**
     * Sends each open connection the lines of {@code text} for its codes, deflated; a connection that
     * takes every line gets {@code wholeFrame} (deflated here when {@code null}).
     *
     * @return how many connections were sent a frame
     */
    // Identity on purpose: QuoteText.filter returns its very argument when it keeps every line (see below).
    @SuppressWarnings("ReferenceEquality")
    int send(String text, byte[] wholeFrame) {
        Map<String, byte[]> partialFrames = new HashMap<>();
        byte[] whole = wholeFrame;
        int sent = 0;
        for (FakeConnection c : state.openConnections()) {
            String mine = QuoteText.filter(text, c.subscribedWireCodes());
            if (mine.isEmpty()) {
                continue;
            }
            byte[] frame;
            if (mine == text) { // filter returns the very same string when it keeps every line
                if (whole == null) {
                    whole = deflate(text);
                }
                frame = whole;
            } else {
                frame = partialFrames.computeIfAbsent(mine, this::deflate);
            }
            if (c.sendBinary(frame)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * A recorded binary frame: filtered like quote text when it inflates (a connection that takes
     * every line gets these very bytes), else sent as is to every open connection.
     */
    int sendRecorded(byte[] wire) {
        String text;
        try {
            text = new String(RawDeflate.inflate(wire, RECORDED_INFLATE_LIMIT), StandardCharsets.UTF_8);
        } catch (DataFormatException notQuotes) {
            int sent = 0;
            for (FakeConnection c : state.openConnections()) {
                sent += c.sendBinary(wire) ? 1 : 0;
            }
            return sent;
        }
        return send(text, wire);
    }

    /** A prepared frame, to each open connection the part of it that connection subscribes to (or all of it, unfiltered). */
    int sendPrepared(PreparedFrame frame, boolean filtered) {
        int sent = 0;
        for (FakeConnection c : state.openConnections()) {
            byte[] mine = filtered ? frame.frameFor(c.subscribedWireCodes(), this) : frame.wire();
            if (mine.length > 0 && c.sendBinary(mine)) {
                sent++;
            }
        }
        return sent;
    }

    byte[] deflate(String text) {
        return RawDeflate.deflate(text.getBytes(StandardCharsets.UTF_8), deflateLevel);
    }
}
