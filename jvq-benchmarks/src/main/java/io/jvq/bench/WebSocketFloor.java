package io.jvq.bench;

import io.jvq.bench.e2e.Args;
import io.jvq.bench.e2e.BareWebSocket;
import io.jvq.bench.e2e.MachineLoad;
import io.jvq.bench.e2e.PacedFeed;
import io.jvq.bench.e2e.SendLog;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@link EndToEndLatency}'s traffic from its own fake server (in this JVM or a child one, the same
 * {@link PacedFeed}), read by a {@link BareWebSocket} on one thread blocked in {@code read} instead of
 * by the client library: each frame's delay from its send to its last byte in, and to its text
 * inflated (no parsing). Set beside {@link LoopbackFloor} (no fake server, no WebSocket) and
 * {@link EndToEndLatency} (the whole client), it splits the latency between the fake server's send
 * path, the client's transport, and the client's decoding. Per frame, where EndToEndLatency counts
 * per trade (a frame's later trades also wait for the parsing of the earlier ones).
 *
 * <pre>java -Xms1g -Xmx1g -cp jvq-benchmarks/target/benchmarks.jar io.jvq.bench.WebSocketFloor \
 *     [rate=100000] [frameBytes=16384] [warmup=10] [seconds=20] [server=INPROCESS|PROCESS|BARE]</pre>
 */
public final class WebSocketFloor {
    private static final Set<String> KEYS = Set.of("rate", "frameBytes", "warmup", "seconds", "server");

    private WebSocketFloor() {
    }

    /** What one run measured: latencies in nanoseconds, per frame; the server's figures are NaN / -1 in process. */
    public record Result(PacedFeed.Where server, int rate, int frameBytes, int warmup, int seconds, long framesSent,
                         Histogram lastByte, Histogram inflated, Histogram sinceDue, long overruns,
                         double cpuShare, double serverCpuShare, long contextSwitches, long serverContextSwitches,
                         String load) {
        public String report() {
            return String.format(Locale.ROOT, """
                    bare WebSocket reader, server %s, %,d trades/s as %,d frames of %,d B inflated, %d s after %d s warm-up
                      read %,d frames; overruns %d
                      send -> last byte read (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      send -> inflated       (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      due  -> last byte read (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      this JVM used %.2f CPUs, the server's JVM %.2f; load average %s
                      context switches per frame: this JVM %s, the server's JVM %s""",
                    server, rate, framesSent, frameBytes, seconds, warmup, lastByte.getTotalCount(), overruns,
                    us(lastByte, 50), us(lastByte, 90), us(lastByte, 99), us(lastByte, 99.9), us(lastByte, 100),
                    us(inflated, 50), us(inflated, 90), us(inflated, 99), us(inflated, 99.9), us(inflated, 100),
                    us(sinceDue, 50), us(sinceDue, 90), us(sinceDue, 99), us(sinceDue, 99.9), us(sinceDue, 100),
                    cpuShare, serverCpuShare, load, perFrame(contextSwitches), perFrame(serverContextSwitches));
        }

        private String perFrame(long switches) {
            return switches < 0 || framesSent == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (double) switches / framesSent);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, KEYS);
        System.out.println(run(args.getEnum("server", PacedFeed.Where.class, PacedFeed.Where.INPROCESS),
                args.getInt("rate", 100_000), args.getInt("frameBytes", 16384), args.getInt("warmup", 10),
                args.getInt("seconds", 20)).report());
    }

    public static Result run(PacedFeed.Where where, int rate, int frameBytes, int warmup, int seconds)
            throws IOException, InterruptedException {
        Recorder lastByte = new Recorder(3);
        Recorder inflated = new Recorder(3);
        Recorder sinceDue = new Recorder(3);
        AtomicLong overruns = new AtomicLong();
        AtomicLong framesRead = new AtomicLong();
        try (PacedFeed feed = PacedFeed.start(where, rate, frameBytes);
             BareWebSocket socket = BareWebSocket.open(webSocketUri(feed.clientOptions()))) {
            SendLog log = feed.log();
            Thread reader = new Thread(() -> read(socket, log, lastByte, inflated, sinceDue, overruns, framesRead),
                    "jvq-bench-bare-reader");
            reader.setDaemon(true);
            reader.start();
            feed.startPacing();
            TimeUnit.SECONDS.sleep(warmup);
            lastByte.getIntervalHistogram();
            inflated.getIntervalHistogram();
            sinceDue.getIntervalHistogram();
            long frames0 = log.framesSent();
            long cpu0 = MachineLoad.processCpuNanos();
            long serverCpu0 = feed.serverCpuNanos();
            long switches0 = MachineLoad.contextSwitches(ProcessHandle.current().pid());
            long serverSwitches0 = feed.serverContextSwitches();
            long wall0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            long wall = System.nanoTime() - wall0;
            double cpu = (double) (MachineLoad.processCpuNanos() - cpu0) / wall;
            double serverCpu = serverCpu0 < 0 ? Double.NaN : (double) (feed.serverCpuNanos() - serverCpu0) / wall;
            long switches = MachineLoad.contextSwitches(ProcessHandle.current().pid());
            long serverSwitches = feed.serverContextSwitches();
            long framesSent = log.framesSent() - frames0;
            Histogram lastByteWindow = lastByte.getIntervalHistogram();
            Histogram inflatedWindow = inflated.getIntervalHistogram();
            Histogram sinceDueWindow = sinceDue.getIntervalHistogram();
            feed.stopPacing();
            awaitEveryFrame(framesRead, log.framesSent());
            return new Result(where, rate, frameBytes, warmup, seconds, framesSent, lastByteWindow, inflatedWindow,
                    sinceDueWindow,
                    overruns.get(), cpu, serverCpu, difference(switches0, switches),
                    difference(serverSwitches0, serverSwitches), MachineLoad.loadAverage());
        }
    }

    /** Asks the fake's discovery for a path, as the client does, and adds the token to it. */
    private static URI webSocketUri(ClientOptions options) {
        try (JdkHttpDiscoveryPort discovery = JdkHttpDiscoveryPort.create()) {
            DiscoveryReply reply = discovery.discover(new DiscoveryRequest(options.discoveryUrl(), options.market(),
                    "websocket", options.token(), Duration.ofSeconds(10))).join();
            if (!reply.ok() || reply.server() == null) {
                throw new IllegalStateException("the fake's discovery refused: code " + reply.code());
            }
            String server = reply.server().startsWith("ws://") ? reply.server() : "ws://" + reply.server();
            return URI.create(server + "?token=" + URLEncoder.encode(options.token().reveal(), StandardCharsets.UTF_8));
        }
    }

    private static void read(BareWebSocket socket, SendLog log, Recorder lastByte, Recorder inflated,
                             Recorder sinceDue, AtomicLong overruns, AtomicLong framesRead) {
        byte[] frame = new byte[1 << 20];
        byte[] text = new byte[1 << 20];
        Inflater inflater = new Inflater(true);
        try {
            for (long k = 0; ; k++) {
                int length = socket.nextBinary(frame);
                long arrived = System.nanoTime();
                if (length < 0) {
                    return;
                }
                inflater.reset();
                inflater.setInput(frame, 0, length);
                while (!inflater.needsInput() && !inflater.finished()) {
                    inflater.inflate(text);
                }
                long readable = System.nanoTime();
                framesRead.incrementAndGet();
                // Frames arrive in the order sent, one binary message each, so the k-th is the pacer's frame k.
                int slot = (int) (k % log.slots());
                if (log.frame(slot) != k) {
                    overruns.incrementAndGet();
                    continue;
                }
                long sent = log.sent(slot);
                lastByte.recordValue(Math.max(0, arrived - sent));
                inflated.recordValue(Math.max(0, readable - sent));
                sinceDue.recordValue(Math.max(0, arrived - log.due(slot)));
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                throw new UncheckedIOException(e);
            }
            // Closed by the run's end.
        } catch (DataFormatException e) {
            throw new IllegalStateException("a frame did not inflate", e);
        }
    }

    private static void awaitEveryFrame(AtomicLong framesRead, long framesSent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (framesRead.get() < framesSent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + framesRead.get() + " of " + framesSent + " frames read");
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    /** {@code after - before}, or -1 when either count is unknown. */
    private static long difference(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private static String us(Histogram h, double percentile) {
        long value = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.0f", value / 1e3);
    }
}
