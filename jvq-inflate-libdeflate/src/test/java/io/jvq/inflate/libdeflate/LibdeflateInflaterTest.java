package io.jvq.inflate.libdeflate;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.codec.FrameInflater;
import io.jvq.core.codec.FrameInflaterProvider;
import io.jvq.core.codec.FrameInflaters;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.sim.MarketSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** libdeflate inflates every frame to what {@code java.util.zip.Inflater} does, and fails the same way. */
class LibdeflateInflaterTest {
    private static final int CAP = 1 << 20;

    private final FrameInflater libdeflate = new LibdeflateInflaterProvider().open(CAP);
    private final FrameInflater jdk = FrameInflaters.jdk(CAP);

    @AfterEach
    void close() {
        libdeflate.close();
        jdk.close();
    }

    @Test
    void inflatesTheSimulatorsFramesToTheJdksBytes() {
        MarketSimulator market = MarketSimulator.builder().seed(24).build();
        int frames = 0;
        for (QuoteLevel level : List.of(QuoteLevel.LV1, QuoteLevel.LV2, QuoteLevel.LV10)) {
            List<SubscriptionCode> codes = MarketSimulator.fullMarketCodes(level);
            for (int size : new int[] {200, 4 * 1024, 16 * 1024, 64 * 1024, 512 * 1024}) {
                byte[] text = market.frameText(codes, size);
                for (int deflateLevel : new int[] {1, 6, 9}) {
                    Result result = sameAsJdk(deflate(text, deflateLevel, Deflater.NO_FLUSH));
                    assertThat(result.outcome()).isEqualTo("COMPLETE");
                    assertThat(result.bytes()).isEqualTo(text);
                    frames++;
                }
            }
        }
        assertThat(frames).isEqualTo(45);
    }

    @Test
    void inflatesRandomFramesToTheJdksBytes() {
        Random random = new Random(2024);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] text = randomText(random, random.nextInt(i % 10 == 0 ? 300_000 : 20_000));
            int flush = random.nextInt(4) == 0 ? Deflater.SYNC_FLUSH : Deflater.NO_FLUSH;
            byte[] frame = deflate(text, random.nextInt(10), flush);
            Result result = sameAsJdk(frame);
            outcomes.add(result.outcome());
            if (result.outcome().equals("COMPLETE") || flush == Deflater.SYNC_FLUSH) {
                assertThat(result.bytes()).isEqualTo(text);
            }
        }
        // the sync-flushed streams (no final block) were the JDK's to answer, the others libdeflate's
        assertThat(outcomes).contains("COMPLETE", "ENDED_EARLY");
    }

    @Test
    void growsItsBufferUpToTheCapAndStopsAFrameThatInflatesPastIt() {
        byte[] atCap = new byte[CAP];
        Arrays.fill(atCap, (byte) 'x');
        byte[] overCap = Arrays.copyOf(atCap, CAP + 1);
        overCap[CAP] = 'x';

        assertThat(sameAsJdk(deflate(atCap, 6, Deflater.NO_FLUSH))).isEqualTo(new Result("COMPLETE", atCap));
        Result over = sameAsJdk(deflate(overCap, 6, Deflater.NO_FLUSH));
        assertThat(over.outcome()).isEqualTo("OVER_CAP");
        assertThat(libdeflate.inflatedBytes()).isEqualTo(CAP);
        // a bomb: 64 MB of zeros costs the cap, then stops
        assertThat(sameAsJdk(deflate(new byte[64 << 20], 9, Deflater.NO_FLUSH)).outcome()).isEqualTo("OVER_CAP");
    }

    @Test
    void reportsCorruptFramesAsTheJdkDoes() {
        byte[] text = "lv1_600519=14:59:59,贵州茅台,1700.50\nlv1_000001=14:59:59,平安银行,10.50\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] whole = deflate(text, 6, Deflater.NO_FLUSH);
        byte[] zlib = zlibWrapped(text);
        byte[] garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xff; // BTYPE 11: a reserved block type, invalid in any stream

        assertThat(sameAsJdk(zlib).outcome()).startsWith("DataFormatException: ");
        assertThat(sameAsJdk(garbage).outcome()).startsWith("DataFormatException: ");
        assertThat(sameAsJdk(Arrays.copyOf(whole, whole.length / 2)).outcome()).isEqualTo("ENDED_EARLY");
        assertThat(sameAsJdk(new byte[0]).outcome()).isEqualTo("ENDED_EARLY");
        byte[] trailed = Arrays.copyOf(whole, whole.length + 5); // bytes after the final block are ignored
        assertThat(sameAsJdk(trailed)).isEqualTo(new Result("COMPLETE", text));
        // and the decoder's reports are word for word the same
        for (byte[] frame : List.of(zlib, garbage, Arrays.copyOf(whole, whole.length - 3), new byte[0])) {
            List<String> withLibdeflate = decodeReports(new FrameDecoder(new LibdeflateInflaterProvider().open(CAP)), frame);
            List<String> withJdk = decodeReports(new FrameDecoder(FrameInflaters.jdk(CAP)), frame);
            assertThat(withLibdeflate).isEqualTo(withJdk).isNotEmpty();
        }
    }

    @Test
    void leavesTheFramesBufferAsItWas() throws DataFormatException {
        byte[] frame = deflate("lv1_600519=1\n".getBytes(StandardCharsets.UTF_8), 6, Deflater.NO_FLUSH);
        ByteBuffer buffer = ByteBuffer.allocateDirect(frame.length + 10).put(new byte[4]).put(frame);
        buffer.flip().position(4);

        assertThat(libdeflate.inflate(buffer)).isEqualTo(FrameInflater.Outcome.COMPLETE);
        assertThat(buffer.position()).isEqualTo(4);
        assertThat(buffer.limit()).isEqualTo(4 + frame.length);
        assertThat(new String(libdeflate.output(), 0, libdeflate.inflatedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("lv1_600519=1\n");
    }

    @Test
    void fallsBackToTheJdkWhenTheLibraryCannotBeLoaded() {
        FrameInflaterProvider missing = new LibdeflateInflaterProvider("libdeflate-missing.so.9");
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> missing.open(CAP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("libdeflate-missing.so.9");
        FrameInflaterProvider chosen = FrameInflaters.choose(List.of(missing), log::add);

        assertThat(chosen.name()).isEqualTo("java.util.zip.Inflater");
        assertThat(log).singleElement().asString()
                .startsWith("jvq: frames are inflated by java.util.zip.Inflater; libdeflate (libdeflate-missing.so.9)"
                        + " is not usable here: ");
    }

    @Test
    void isChosenByEveryDecoderWhenTheLibraryLoads() {
        assertThat(FrameInflaters.inUse()).isEqualTo("libdeflate (libdeflate.so.0)");
        try (FrameInflater chosen = FrameInflaters.open(CAP)) {
            assertThat(chosen).isInstanceOf(LibdeflateInflater.class);
        }
    }

    /** Inflates {@code frame} with both; they must agree on the outcome and the bytes. */
    private Result sameAsJdk(byte[] frame) {
        Result expected = inflate(jdk, frame);
        Result actual = inflate(libdeflate, frame);
        assertThat(actual.outcome()).isEqualTo(expected.outcome());
        assertThat(actual.bytes()).isEqualTo(expected.bytes());
        assertThat(libdeflate.inflatedBytes()).isEqualTo(jdk.inflatedBytes());
        return actual;
    }

    private static Result inflate(FrameInflater inflater, byte[] frame) {
        try {
            FrameInflater.Outcome outcome = inflater.inflate(ByteBuffer.wrap(frame));
            if (outcome == FrameInflater.Outcome.OVER_CAP) {
                // nothing of such a frame is delivered: what the buffer holds then is no one's business
                return new Result(outcome.name(), new byte[0]);
            }
            return new Result(outcome.name(), Arrays.copyOf(inflater.output(), inflater.inflatedBytes()));
        } catch (DataFormatException e) {
            return new Result("DataFormatException: " + e.getMessage(), new byte[0]);
        }
    }

    private static List<String> decodeReports(FrameDecoder decoder, byte[] frame) {
        List<String> reports = new ArrayList<>();
        try (decoder) {
            decoder.decode(ByteBuffer.wrap(frame), new QuoteSink() {
                @Override
                public void onLevel1(Level1View quote) {
                    reports.add("lv1 " + quote);
                }

                @Override
                public void onTrade(TradeView trade) {
                    reports.add("trade " + trade.tradeId());
                }

                @Override
                public void onLevel10(Level10View book) {
                    reports.add("lv10");
                }

                @Override
                public void onError(DecodeError error) {
                    reports.add(error.toString());
                }
            });
        }
        return reports;
    }

    static byte[] deflate(byte[] text, int level, int flush) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(text);
            if (flush == Deflater.NO_FLUSH) {
                deflater.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 2 + 64);
            byte[] chunk = new byte[64 * 1024];
            while (true) {
                int n = deflater.deflate(chunk, 0, chunk.length, flush);
                out.write(chunk, 0, n);
                if (flush == Deflater.NO_FLUSH ? deflater.finished() : n < chunk.length && deflater.needsInput()) {
                    return out.toByteArray();
                }
            }
        } finally {
            deflater.end();
        }
    }

    private static byte[] zlibWrapped(byte[] text) {
        Deflater deflater = new Deflater(6, false);
        deflater.setInput(text);
        deflater.finish();
        byte[] out = new byte[text.length + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    /** Quote-like lines, random bytes and long repeats mixed, so every kind of block is written. */
    private static byte[] randomText(Random random, int length) {
        byte[] text = new byte[length];
        int i = 0;
        while (i < length) {
            int run = Math.min(length - i, 1 + random.nextInt(400));
            switch (random.nextInt(3)) {
                case 0 -> {
                    for (int k = 0; k < run; k++) {
                        text[i + k] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> Arrays.fill(text, i, i + run, (byte) ('0' + random.nextInt(10)));
                default -> {
                    byte[] line = ("lv2_60" + (1000 + random.nextInt(9000)) + "=09:30:00.120," + random.nextInt(1_000_000)
                            + ",1700.50,100|").getBytes(StandardCharsets.US_ASCII);
                    for (int k = 0; k < run; k++) {
                        text[i + k] = line[k % line.length];
                    }
                }
            }
            i += run;
        }
        return text;
    }

    private record Result(String outcome, byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && r.outcome.equals(outcome) && Arrays.equals(r.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return outcome.hashCode() * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return outcome + " (" + bytes.length + " bytes)";
        }
    }
}
