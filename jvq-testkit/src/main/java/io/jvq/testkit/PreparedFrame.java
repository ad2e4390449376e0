package io.jvq.testkit;

import io.jvq.capture.CaptureEntry;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;

/**
 * A capture's quote frame made ready to be sent many times: deflated (or, when recorded as wire
 * bytes, inflated) once, its level-2 trades counted once, and the frame each subscription gets
 * deflated the first time that subscription needs it.
 */
final class PreparedFrame {
    private static final byte[] NOTHING = new byte[0];

    private final byte[] wire;
    /** The inflated text; null when the recorded bytes do not inflate (sent as is to everyone). */
    private final String text;
    private final long trades;
    private final Map<Set<String>, byte[]> bySubscription = new ConcurrentHashMap<>();
    /** The last answer, found by the identity of the connection's code set (see FakeConnection#subscribedWireCodes). */
    private volatile Answer last;

    private record Answer(Set<String> codes, byte[] frame) {
    }

    private PreparedFrame(byte[] wire, String text) {
        this.wire = wire;
        this.text = text;
        this.trades = text == null ? 0 : trades(text);
    }

    /** The frame of a binary or quotes entry; null for any other entry. */
    static PreparedFrame of(CaptureEntry entry, QuoteFanOut fanOut) {
        if (entry instanceof CaptureEntry.Binary binary) {
            String text;
            try {
                text = new String(RawDeflate.inflate(binary.data(), QuoteFanOut.RECORDED_INFLATE_LIMIT),
                        StandardCharsets.UTF_8);
            } catch (DataFormatException notQuotes) {
                text = null;
            }
            return new PreparedFrame(binary.data(), text);
        }
        if (entry instanceof CaptureEntry.Quotes quotes) {
            return new PreparedFrame(fanOut.deflate(quotes.data()), quotes.data());
        }
        return null;
    }

    /** The frame as recorded (or as deflated once). */
    byte[] wire() {
        return wire;
    }

    /** Level-2 trades in the frame: one per {@code lv2_} line and one more per {@code |}. */
    long trades() {
        return trades;
    }

    /** The bytes a connection subscribed to {@code codes} gets; empty when it takes no line. */
    // Identity on purpose: QuoteText.filter returns its very argument when it keeps every line, and
    // then the frame already deflated is the answer; any other string is deflated, which is right too.
    @SuppressWarnings("ReferenceEquality")
    byte[] frameFor(Set<String> codes, QuoteFanOut fanOut) {
        if (text == null) {
            return wire;
        }
        Answer answer = last;
        if (answer != null && answer.codes() == codes) {
            return answer.frame();
        }
        byte[] frame = bySubscription.computeIfAbsent(codes, mine -> {
            String lines = QuoteText.filter(text, mine);
            return lines.isEmpty() ? NOTHING : lines == text ? wire : fanOut.deflate(lines);
        });
        last = new Answer(codes, frame);
        return frame;
    }

    private static long trades(String text) {
        long trades = 0;
        boolean lv2Line = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i == 0 || text.charAt(i - 1) == '\n') {
                lv2Line = text.startsWith("lv2_", i);
                trades += lv2Line ? 1 : 0;
            }
            if (c == '|' && lv2Line) {
                trades++;
            }
        }
        return trades;
    }
}
