// interim: replaced by the codec branch
package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.DecodeError;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates raw-DEFLATE frames and decodes their lines. This interim version understands only
 * level-2 lines of the form {@code lv2_XXXXXX=HH:MM:SS.mmm,id,price,qty|…}.
 */
public final class FrameDecoder implements AutoCloseable {
    private final int maxInflatedBytes;
    private final Inflater inflater = new Inflater(true);
    private final TradeView trade = new TradeView();
    private final byte[] chunk = new byte[8192];

    public FrameDecoder(int maxInflatedBytes) {
        if (maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("maxInflatedBytes must be positive: " + maxInflatedBytes);
        }
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /** Decodes one frame; bad input is reported to {@code sink}, never thrown. */
    public void decode(ByteBuffer compressed, QuoteSink sink) {
        String text;
        try {
            text = inflate(compressed);
        } catch (DataFormatException e) {
            sink.onError(new DecodeError(null, "", "frame does not inflate: " + e.getMessage()));
            return;
        }
        if (text == null) {
            sink.onError(new DecodeError(null, "", "frame inflates past " + maxInflatedBytes + " bytes"));
            return;
        }
        for (String line : text.split("\n")) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!trimmed.isEmpty()) {
                decodeLine(trimmed, sink);
            }
        }
    }

    private String inflate(ByteBuffer compressed) throws DataFormatException {
        inflater.reset();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!inflater.finished() && !inflater.needsInput()) {
            int n = inflater.inflate(chunk);
            if (out.size() + n > maxInflatedBytes) {
                return null;
            }
            out.write(chunk, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void decodeLine(String line, QuoteSink sink) {
        int eq = line.indexOf('=');
        String codeText = eq < 0 ? null : line.substring(0, eq);
        String excerpt = line.length() > DecodeError.MAX_EXCERPT ? line.substring(0, DecodeError.MAX_EXCERPT) : line;
        try {
            if (codeText == null) {
                throw new IllegalArgumentException("line has no '='");
            }
            SubscriptionCode code = SubscriptionCode.parse(codeText);
            if (code.level() != QuoteLevel.LV2) {
                throw new IllegalArgumentException("the interim decoder reads level-2 lines only");
            }
            for (String record : line.substring(eq + 1).split("\\|")) {
                String[] f = record.split(",");
                if (f.length != 4) {
                    throw new IllegalArgumentException("a trade has 4 fields, got " + f.length);
                }
                trade.set(code, parseTime(f[0]), Long.parseLong(f[1]), FixedPoint.of(f[2]), Long.parseLong(f[3]));
                sink.onTrade(trade);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            sink.onError(new DecodeError(codeText, excerpt, String.valueOf(e.getMessage())));
        }
    }

    private static int parseTime(String t) {
        if (t.length() != 12 || t.charAt(2) != ':' || t.charAt(5) != ':' || t.charAt(8) != '.') {
            throw new IllegalArgumentException("bad trade time '" + t + "', expected HH:MM:SS.mmm");
        }
        return ((Integer.parseInt(t.substring(0, 2)) * 60 + Integer.parseInt(t.substring(3, 5))) * 60
                + Integer.parseInt(t.substring(6, 8))) * 1000 + Integer.parseInt(t.substring(9, 12));
    }

    @Override
    public void close() {
        inflater.end();
    }
}
