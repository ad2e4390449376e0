package io.jvq.bench;

import io.jvq.bench.e2e.Args;
import io.jvq.bench.e2e.ClientRig;
import io.jvq.bench.e2e.DeliveryPath;
import io.jvq.bench.e2e.GcPauses;
import io.jvq.bench.e2e.LatencyTap;
import io.jvq.bench.e2e.MachineLoad;
import io.jvq.bench.e2e.PacedFeed;
import io.jvq.bench.e2e.Transport;
import io.jvq.core.QuoteLevel;
import io.jvq.core.client.JvqClient;
import io.jvq.sim.MarketSimulator;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at a fixed rate: the fake server replays simulator level-2 frames at {@code rate} trades
 * per second (paced on its event loop; with {@code server=BARE} a pacing thread writes them itself), and every trade's delay from its frame's send
 * (System.nanoTime just before the push) to the listener call is recorded in an HdrHistogram. A second
 * histogram measures from when the frame was due, so a sender held up by a busy machine is charged
 * too. With {@code server=inprocess} the server and its pacer share this JVM with the client (and
 * their allocation and GC pauses count against it); with {@code server=process} they run in a child
 * JVM ({@link io.jvq.bench.e2e.PacedFeedMain}) and the send times come back through a memory-mapped
 * file ({@link io.jvq.bench.e2e.SendLog}): System.nanoTime is CLOCK_MONOTONIC on Linux, one clock for
 * all processes. Not JMH, because JMH's sample mode times the caller of a method, and here the time
 * that matters ends on another thread. The report gives the collection pauses inside the measured
 * window ({@link GcPauses}), which set a run's maximum, and how late the sender was, which measures the
 * waits for a CPU that set p99.9 on a shared machine. The first two or three young collections after
 * start copy the harness's own live set (frame ring, simulator, code tables) into the old generation
 * and take several times longer than later ones; {@code warmup=15} keeps them out of the window.
 * {@code -Xlog:gc,safepoint} on the JVM shows every pause and time to safepoint.
 *
 * <pre>java -Xms1g -Xmx1g -cp jvq-benchmarks/target/benchmarks.jar io.jvq.bench.EndToEndLatency \
 *     [transport=VERTX|TYRUS|JDK] [path=RECORDS|FLYWEIGHT] [rate=100000] [frameBytes=16384] [warmup=10] [seconds=20] \
 *     [server=INPROCESS|PROCESS|BARE]</pre>
 */
public final class EndToEndLatency {
    private static final Set<String> KEYS = Set.of("transport", "path", "rate", "frameBytes", "warmup", "seconds",
            "server");

    /** What one run measured; latencies in nanoseconds; the server's CPU share is NaN when it ran in this JVM. */
    public record Result(Settings settings, long trades, long frames, Histogram sinceSent, Histogram sinceDue,
                         long maxSenderLateNanos, long overruns, long decodeErrors, double cpuShare,
                         double serverCpuShare, long contextSwitches, long serverContextSwitches, String load,
                         String gcPauses) {

        public String report() {
            double seconds = settings.seconds;
            boolean apart = settings.server == PacedFeed.Where.PROCESS;
            String serverCpu = apart ? String.format(Locale.ROOT, ", the server's JVM %.2f", serverCpuShare) : "";
            String switches = String.format(Locale.ROOT, "context switches per frame: this JVM %s%s",
                    perFrame(contextSwitches), apart ? ", the server's JVM " + perFrame(serverContextSwitches) : "");
            return String.format(Locale.ROOT, """
                    %s %s, server %s, %,d trades/s asked, frames of %,d B inflated (%.0f trades each), %d s after %d s warm-up
                      delivered %,d trades (%,.0f/s) in %,d frames; overruns %d, decode errors %d
                      send -> listener (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      due  -> listener (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      sender late by at most %.0f us; this JVM used %.2f CPUs%s; load average %s
                      %s; collection pauses in this JVM: %s""",
                    settings.transport, settings.path, settings.server, settings.rate, settings.frameBytes,
                    frames == 0 ? 0.0 : (double) trades / frames, settings.seconds, settings.warmup,
                    trades, trades / seconds, frames, overruns, decodeErrors,
                    us(sinceSent, 50), us(sinceSent, 90), us(sinceSent, 99), us(sinceSent, 99.9), max(sinceSent),
                    us(sinceDue, 50), us(sinceDue, 90), us(sinceDue, 99), us(sinceDue, 99.9), max(sinceDue),
                    maxSenderLateNanos / 1e3, cpuShare, serverCpu, load, switches, gcPauses);
        }

        private String perFrame(long switches) {
            return switches < 0 || frames == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (double) switches / frames);
        }

        private static String us(Histogram h, double percentile) {
            return String.format(Locale.ROOT, "%.0f", h.getValueAtPercentile(percentile) / 1e3);
        }

        private static String max(Histogram h) {
            return String.format(Locale.ROOT, "%.0f", h.getMaxValue() / 1e3);
        }
    }

    public record Settings(Transport transport, DeliveryPath path, int rate, int frameBytes, int warmup, int seconds,
                           PacedFeed.Where server) {
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
                args.getInt("frameBytes", 16384), args.getInt("warmup", 10), args.getInt("seconds", 20),
                args.getEnum("server", PacedFeed.Where.class, PacedFeed.Where.INPROCESS));
        System.out.println(run(settings).report());
    }

    @SuppressWarnings("try") // the client is held open for the run, never called in the body
    public static Result run(Settings settings) throws InterruptedException {
        try (PacedFeed feed = PacedFeed.start(settings.server, settings.rate, settings.frameBytes);
             GcPauses gc = new GcPauses()) {
            LatencyTap tap = new LatencyTap(feed.log());
            try (JvqClient client = ClientRig.connect(settings.transport, settings.path, feed.clientOptions(),
                    MarketSimulator.fullMarketCodes(QuoteLevel.LV2), tap)) {
                feed.startPacing();
                TimeUnit.SECONDS.sleep(settings.warmup);
                tap.takeSinceSent();
                tap.takeSinceDue();
                tap.takeMaxSenderLate();
                long frames0 = feed.log().framesSent();
                long cpu0 = MachineLoad.processCpuNanos();
                long serverCpu0 = feed.serverCpuNanos();
                long switches0 = MachineLoad.contextSwitches(ProcessHandle.current().pid());
                long serverSwitches0 = feed.serverContextSwitches();
                long wall0 = System.nanoTime();
                gc.take();
                TimeUnit.SECONDS.sleep(settings.seconds);
                Histogram sinceSent = tap.takeSinceSent();
                Histogram sinceDue = tap.takeSinceDue();
                long wall = System.nanoTime() - wall0;
                String gcPauses = gc.take();
                double cpuShare = (double) (MachineLoad.processCpuNanos() - cpu0) / wall;
                double serverCpuShare = serverCpu0 < 0 ? Double.NaN : (double) (feed.serverCpuNanos() - serverCpu0) / wall;
                long switches = difference(switches0, MachineLoad.contextSwitches(ProcessHandle.current().pid()));
                long serverSwitches = difference(serverSwitches0, feed.serverContextSwitches());
                long framesSent = feed.log().framesSent() - frames0;
                String load = MachineLoad.loadAverage();
                long late = tap.takeMaxSenderLate();
                feed.stopPacing();
                awaitDelivery(tap, feed.log().tradesSent());
                return new Result(settings, sinceSent.getTotalCount(), framesSent, sinceSent, sinceDue, late,
                        tap.overruns(), tap.decodeErrors(), cpuShare, serverCpuShare, switches, serverSwitches, load,
                        gcPauses);
            }
        }
    }

    /** {@code after - before}, or -1 when either count is unknown. */
    private static long difference(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
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
}
