package io.jvq.bench;

import io.jvq.bench.e2e.Args;
import io.jvq.bench.e2e.ClientRig;
import io.jvq.bench.e2e.DeliveryPath;
import io.jvq.bench.e2e.LatencyTap;
import io.jvq.bench.e2e.MachineLoad;
import io.jvq.bench.e2e.MarkedFrames;
import io.jvq.bench.e2e.Transport;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;
import io.jvq.core.QuoteLevel;
import io.jvq.sim.MarketSimulator;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at a fixed rate: a pacing thread pushes simulator level-2 frames through the fake server
 * so that trades go out at {@code rate} per second, and every trade's delay from its frame's send
 * (System.nanoTime just before the push) to the listener call is recorded in an HdrHistogram. A second
 * histogram measures from when the frame was due, so a sender held up by a busy machine is charged
 * too. Server, client and listener share this JVM; not JMH, because JMH's sample mode times the
 * caller of a method, and here the time that matters ends on another thread.
 *
 * <pre>java -Xms1g -Xmx1g -cp jvq-benchmarks/target/benchmarks.jar io.jvq.bench.EndToEndLatency \
 *     [transport=VERTX|TYRUS] [path=RECORDS|FLYWEIGHT] [rate=100000] [frameBytes=16384] [warmup=10] [seconds=20]</pre>
 */
public final class EndToEndLatency {
    private static final Set<String> KEYS = Set.of("transport", "path", "rate", "frameBytes", "warmup", "seconds");

    /** What one run measured; latencies in nanoseconds. */
    public record Result(Settings settings, long trades, long frames, Histogram sinceSent, Histogram sinceDue,
                         long maxSenderLateNanos, long overruns, long decodeErrors, double cpuShare, String load) {

        public String report() {
            double seconds = settings.seconds;
            return String.format(Locale.ROOT, """
                    %s %s, %,d trades/s asked, frames of %,d B inflated (%.0f trades each), %d s after %d s warm-up
                      delivered %,d trades (%,.0f/s) in %,d frames; overruns %d, decode errors %d
                      send -> listener (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      due  -> listener (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      sender late by at most %.0f us; this JVM used %.2f CPUs; load average %s""",
                    settings.transport, settings.path, settings.rate, settings.frameBytes,
                    frames == 0 ? 0.0 : (double) trades / frames, settings.seconds, settings.warmup,
                    trades, trades / seconds, frames, overruns, decodeErrors,
                    us(sinceSent, 50), us(sinceSent, 90), us(sinceSent, 99), us(sinceSent, 99.9), max(sinceSent),
                    us(sinceDue, 50), us(sinceDue, 90), us(sinceDue, 99), us(sinceDue, 99.9), max(sinceDue),
                    maxSenderLateNanos / 1e3, cpuShare, load);
        }

        private static String us(Histogram h, double percentile) {
            return String.format(Locale.ROOT, "%.0f", h.getValueAtPercentile(percentile) / 1e3);
        }

        private static String max(Histogram h) {
            return String.format(Locale.ROOT, "%.0f", h.getMaxValue() / 1e3);
        }
    }

    public record Settings(Transport transport, DeliveryPath path, int rate, int frameBytes, int warmup, int seconds) {
        public Settings {
            if (rate < 1 || frameBytes < 64 || warmup < 0 || seconds < 1) {
                throw new IllegalArgumentException("need rate >= 1, frameBytes >= 64, warmup >= 0, seconds >= 1; got "
                        + rate + ", " + frameBytes + ", " + warmup + ", " + seconds);
            }
        }
    }

    private EndToEndLatency() {
    }

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv, KEYS);
        Settings settings = new Settings(args.getEnum("transport", Transport.class, Transport.VERTX),
                args.getEnum("path", DeliveryPath.class, DeliveryPath.RECORDS), args.getInt("rate", 100_000),
                args.getInt("frameBytes", 16384), args.getInt("warmup", 10), args.getInt("seconds", 20));
        System.out.println(run(settings).report());
    }

    public static Result run(Settings settings) throws InterruptedException {
        FrameCorpus corpus = Corpora.get(FrameSource.SIMULATOR, FrameMix.LV2, settings.frameBytes);
        double tradesPerFrame = (double) corpus.totalEvents() / corpus.size();
        // Two seconds of frames: a slot is reused only long after its frame should have arrived.
        int slots = (int) Math.min(16384, Math.max(64, Math.ceil(2.0 * settings.rate / tradesPerFrame)));
        MarkedFrames frames = new MarkedFrames(corpus, slots);
        LatencyTap tap = new LatencyTap(slots);
        try (ClientRig rig = ClientRig.start(settings.transport, settings.path,
                MarketSimulator.fullMarketCodes(QuoteLevel.LV2), tap)) {
            Pacer pacer = new Pacer(rig, frames, tap, settings.rate);
            Thread thread = new Thread(pacer, "jvq-bench-pacer");
            thread.setDaemon(true);
            thread.start();
            try {
                TimeUnit.SECONDS.sleep(settings.warmup);
                tap.takeSinceSent();
                tap.takeSinceDue();
                long frames0 = pacer.framesSent.get();
                long cpu0 = MachineLoad.processCpuNanos();
                long wall0 = System.nanoTime();
                pacer.maxLate.set(0);
                TimeUnit.SECONDS.sleep(settings.seconds);
                Histogram sinceSent = tap.takeSinceSent();
                Histogram sinceDue = tap.takeSinceDue();
                double cpuShare = (double) (MachineLoad.processCpuNanos() - cpu0) / (System.nanoTime() - wall0);
                long framesSent = pacer.framesSent.get() - frames0;
                String load = MachineLoad.loadAverage();
                long late = pacer.maxLate.get();
                pacer.stop = true;
                thread.join(TimeUnit.SECONDS.toMillis(10));
                if (pacer.failure != null) {
                    throw new IllegalStateException("the pacer failed", pacer.failure);
                }
                awaitDelivery(tap, pacer.trades.get());
                return new Result(settings, sinceSent.getTotalCount(), framesSent, sinceSent, sinceDue, late,
                        tap.overruns(), tap.decodeErrors(), cpuShare, load);
            } finally {
                pacer.stop = true;
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    private static void awaitDelivery(LatencyTap tap, long trades) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tap.trades() < trades) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + tap.trades() + " of " + trades + " trades delivered");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Pushes frame after frame, each when the trades before it should have gone out at the rate. */
    private static final class Pacer implements Runnable {
        private final ClientRig rig;
        private final MarkedFrames frames;
        private final LatencyTap tap;
        private final double nanosPerTrade;
        final AtomicLong framesSent = new AtomicLong();
        final AtomicLong trades = new AtomicLong();
        final AtomicLong maxLate = new AtomicLong();
        volatile boolean stop;
        volatile Throwable failure;

        Pacer(ClientRig rig, MarkedFrames frames, LatencyTap tap, int rate) {
            this.rig = rig;
            this.frames = frames;
            this.tap = tap;
            this.nanosPerTrade = 1e9 / rate;
        }

        @Override
        public void run() {
            try {
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
                long sentTrades = 0;
                for (long k = 0; !stop; k++) {
                    int slot = (int) (k % frames.slots());
                    long due = start + (long) (sentTrades * nanosPerTrade);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long sent = System.nanoTime();
                    if (sent - due > maxLate.get()) {
                        maxLate.set(sent - due);
                    }
                    tap.sending(slot, k, due, sent);
                    if (rig.server().pushBinary(frames.compressed(slot)) != 1) {
                        throw new IllegalStateException("the fake has no open connection: " + rig.server());
                    }
                    sentTrades += frames.trades(slot);
                    trades.set(sentTrades);
                    framesSent.set(k + 1);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }
}
