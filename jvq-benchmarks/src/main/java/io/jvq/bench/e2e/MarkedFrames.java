package io.jvq.bench.e2e;

import io.jvq.bench.Corpora;
import io.jvq.bench.frames.Deflate;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A ring of level-2 frames that say which slot they are: in slot {@code s} the first trade's id is
 * {@code MARKER_BASE + s}, so a listener can look up when that frame was sent. The frames are the
 * corpus's (simulator) frames in turn, with only that one number changed, deflated once here.
 */
public final class MarkedFrames {
    /** Far above any trade id the simulator writes (checked when the ring is built). */
    public static final long MARKER_BASE = 9_000_000_000_000L;

    private final byte[][] compressed;
    private final int[] trades;

    public MarkedFrames(FrameCorpus corpus, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be positive, got " + slots);
        }
        compressed = new byte[slots][];
        trades = new int[slots];
        try (FrameDecoder decoder = new FrameDecoder(corpus.maxInflatedBytes() + 64)) {
            for (int s = 0; s < slots; s++) {
                int frame = s % corpus.size();
                compressed[s] = Deflate.raw(withFirstTradeId(corpus.inflated(frame), MARKER_BASE + s));
                trades[s] = corpus.events(frame);
                check(decoder, s);
            }
        }
    }

    /**
     * A ring of simulator level-2 frames of about {@code frameBytes} inflated, holding two seconds of
     * frames at {@code rate} trades a second (64 to 16,384 slots): a slot is reused only long after
     * its frame should have arrived.
     */
    public static MarkedFrames forRate(int rate, int frameBytes) {
        FrameCorpus corpus = Corpora.get(FrameSource.SIMULATOR, FrameMix.LV2, frameBytes);
        double tradesPerFrame = (double) corpus.totalEvents() / corpus.size();
        int slots = (int) Math.min(16384, Math.max(64, Math.ceil(2.0 * rate / tradesPerFrame)));
        return new MarkedFrames(corpus, slots);
    }

    public int slots() {
        return compressed.length;
    }

    /** The wire bytes of slot {@code s}; callers must not modify them. */
    public byte[] compressed(int s) {
        return compressed[s];
    }

    public int trades(int s) {
        return trades[s];
    }

    /**
     * The text with the first trade's id (the second field of the first line, docs/PROTOCOL.md §5.2:
     * {@code lv2_600519=09:30:00.120,1234567,…}) replaced by {@code id}.
     */
    static byte[] withFirstTradeId(byte[] text, long id) {
        int eq = indexOf(text, (byte) '=', 0);
        int idStart = indexOf(text, (byte) ',', eq) + 1;
        int idEnd = indexOf(text, (byte) ',', idStart);
        if (eq < 0 || idStart <= 0 || idEnd < 0 || !new String(text, 0, eq, StandardCharsets.US_ASCII).startsWith("lv2_")) {
            throw new IllegalArgumentException("not a level-2 frame: "
                    + new String(text, 0, Math.min(text.length, 80), StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 16);
        out.write(text, 0, idStart);
        out.writeBytes(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
        out.write(text, idEnd, text.length - idEnd);
        return out.toByteArray();
    }

    private static int indexOf(byte[] text, byte b, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < text.length; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The slot decodes to its trade count, its first trade is its marker and no other trade looks like one. */
    private void check(FrameDecoder decoder, int slot) {
        long[] seen = new long[3]; // trades, markers, the first id
        decoder.decode(ByteBuffer.wrap(compressed[slot]), new QuoteSink() {
            @Override
            public void onTrade(TradeView trade) {
                if (seen[0]++ == 0) {
                    seen[2] = trade.tradeId();
                }
                if (trade.tradeId() >= MARKER_BASE) {
                    seen[1]++;
                }
            }

            @Override
            public void onLevel1(Level1View quote) {
                throw new IllegalStateException("slot " + slot + " holds a level-1 quote");
            }

            @Override
            public void onLevel10(Level10View book) {
                throw new IllegalStateException("slot " + slot + " holds a level-10 book");
            }

            @Override
            public void onError(DecodeError error) {
                throw new IllegalStateException("slot " + slot + " does not decode: " + error);
            }
        });
        if (seen[0] != trades[slot] || seen[1] != 1 || seen[2] != MARKER_BASE + slot) {
            throw new IllegalStateException("slot " + slot + ": " + seen[0] + " trades (expected " + trades[slot]
                    + "), " + seen[1] + " marker ids, first id " + seen[2]);
        }
    }
}
