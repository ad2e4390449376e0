package io.jvq.inflate.libdeflate;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.codec.FrameInflater;
import io.jvq.core.codec.FrameInflaters;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.sim.MarketSimulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

/**
 * Inflated megabytes per CPU second of the measuring thread, {@code java.util.zip.Inflater} and
 * libdeflate side by side in one JVM: simulator frames of the full market (level 1 and level 2, about {@code frameBytes} inflated,
 * deflated at the JDK's default level), inflated alone and decoded whole ({@link FrameDecoder}:
 * inflate and parse), in alternating rounds so that a busy machine slows both alike. Prints the
 * median of the rounds.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp &lt;test class path&gt; io.jvq.inflate.libdeflate.InflateThroughput \
 *     [frameBytes=16384] [rounds=9] [seconds=1]   (seconds: CPU seconds per inflater and round)</pre>
 */
public final class InflateThroughput {
    private static final int CAP = 16 << 20;

    /** One kind of work on one inflater: its median inflated MB/s over the rounds. */
    public record Figure(String inflater, String work, double medianMegabytesPerSecond) {
    }

    private InflateThroughput() {
    }

    public static void main(String[] args) throws DataFormatException {
        int frameBytes = 16384;
        int rounds = 9;
        double seconds = 1;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "frameBytes" -> frameBytes = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "seconds" -> seconds = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; expected frameBytes=, rounds= or seconds=");
            }
        }
        for (QuoteLevel level : List.of(QuoteLevel.LV1, QuoteLevel.LV2)) {
            System.out.println(level + ", frames of " + frameBytes + " B:");
            for (Figure f : run(level, frameBytes, rounds, seconds)) {
                System.out.printf(Locale.ROOT, "  %-28s %-8s %8.1f MB inflated per CPU-s%n", f.inflater(), f.work(),
                        f.medianMegabytesPerSecond());
            }
        }
    }

    /** The figures for one level: each inflater inflating alone, then decoding whole frames. */
    public static List<Figure> run(QuoteLevel level, int frameBytes, int rounds, double seconds) throws DataFormatException {
        List<byte[]> frames = frames(level, frameBytes);
        long inflatedPerPass = 0;
        for (byte[] f : frames) {
            inflatedPerPass += inflate(FrameInflaters.jdk(CAP), f);
        }
        FrameInflater jdk = FrameInflaters.jdk(CAP);
        FrameInflater lib = new LibdeflateInflaterProvider().open(CAP);
        FrameDecoder jdkDecoder = new FrameDecoder(FrameInflaters.jdk(CAP));
        FrameDecoder libDecoder = new FrameDecoder(new LibdeflateInflaterProvider().open(CAP));
        double[][] rates = new double[4][rounds];
        long budget = (long) (seconds * 1e9);
        for (int r = 0; r < rounds; r++) {
            rates[0][r] = rate(inflatedPerPass, budget, () -> inflateAll(jdk, frames));
            rates[1][r] = rate(inflatedPerPass, budget, () -> inflateAll(lib, frames));
            rates[2][r] = rate(inflatedPerPass, budget, () -> decodeAll(jdkDecoder, frames));
            rates[3][r] = rate(inflatedPerPass, budget, () -> decodeAll(libDecoder, frames));
        }
        jdk.close();
        lib.close();
        jdkDecoder.close();
        libDecoder.close();
        return List.of(new Figure("java.util.zip.Inflater", "inflate", median(rates[0])),
                new Figure("libdeflate", "inflate", median(rates[1])),
                new Figure("java.util.zip.Inflater", "decode", median(rates[2])),
                new Figure("libdeflate", "decode", median(rates[3])));
    }

    private interface Pass {
        void run() throws DataFormatException;
    }

    /** Inflated MB per CPU second of this thread, so that time spent waiting for a CPU is not counted. */
    private static double rate(long bytesPerPass, long budgetNanos, Pass pass) throws DataFormatException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long passes = 0;
        long cpu;
        do {
            pass.run();
            passes++;
            cpu = threads.getCurrentThreadCpuTime() - cpu0;
        } while (cpu < budgetNanos);
        return bytesPerPass * passes / (cpu / 1e9) / 1e6;
    }

    private static void inflateAll(FrameInflater inflater, List<byte[]> frames) throws DataFormatException {
        for (byte[] f : frames) {
            if (inflater.inflate(ByteBuffer.wrap(f)) != FrameInflater.Outcome.COMPLETE) {
                throw new IllegalStateException("a corpus frame did not inflate whole");
            }
        }
    }

    private static long inflate(FrameInflater inflater, byte[] frame) throws DataFormatException {
        try (inflater) {
            inflater.inflate(ByteBuffer.wrap(frame));
            return inflater.inflatedBytes();
        }
    }

    private static void decodeAll(FrameDecoder decoder, List<byte[]> frames) {
        for (byte[] f : frames) {
            decoder.decode(ByteBuffer.wrap(f), Count.SINK);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** About 4 MB of inflated simulator frames of {@code level} for the full market. */
    static List<byte[]> frames(QuoteLevel level, int frameBytes) {
        MarketSimulator market = MarketSimulator.builder().seed(24).build();
        List<SubscriptionCode> codes = MarketSimulator.fullMarketCodes(level);
        List<byte[]> frames = new ArrayList<>();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] out = new byte[frameBytes * 2 + 1024];
        for (long total = 0; total < 4 << 20; ) {
            byte[] text = market.frameText(codes, frameBytes);
            total += text.length;
            deflater.reset();
            deflater.setInput(text);
            deflater.finish();
            int n = deflater.deflate(out);
            if (!deflater.finished()) {
                throw new IllegalStateException("a frame did not deflate into " + out.length + " bytes");
            }
            frames.add(Arrays.copyOf(out, n));
        }
        deflater.end();
        return frames;
    }

    /** A sink that only counts, so that decoding is inflate and parse, and nothing else. */
    private static final class Count implements QuoteSink {
        static final Count SINK = new Count();
        long events;

        @Override
        public void onLevel1(Level1View quote) {
            events++;
        }

        @Override
        public void onTrade(TradeView trade) {
            events++;
        }

        @Override
        public void onLevel10(Level10View book) {
            events++;
        }

        @Override
        public void onError(DecodeError error) {
            throw new IllegalStateException("a corpus frame did not decode: " + error);
        }
    }
}
