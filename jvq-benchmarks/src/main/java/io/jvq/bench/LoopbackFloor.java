package io.jvq.bench;

import io.jvq.bench.e2e.Args;
import io.jvq.bench.e2e.MachineLoad;
import io.jvq.bench.e2e.MarkedFrames;
import io.jvq.bench.e2e.Pacer;
import io.jvq.bench.e2e.SendLog;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What this machine gives any program for {@link EndToEndLatency}'s traffic, with no WebSocket, no
 * inflating, no parsing and no allocation per frame: the same compressed frames, paced by the same
 * {@link Pacer} at the same rate, written to a plain TCP socket on loopback and read by a thread
 * blocked in {@code read}, which records each frame's delay from its send once the frame's last
 * byte is in. Its percentiles are the floor under the client's: thread wake-ups, the loopback
 * stack and the hypervisor's scheduling, on this machine at that moment.
 *
 * <pre>java -Xms1g -Xmx1g -cp jvq-benchmarks/target/benchmarks.jar io.jvq.bench.LoopbackFloor \
 *     [rate=100000] [frameBytes=16384] [warmup=10] [seconds=20]</pre>
 */
public final class LoopbackFloor {
    private static final Set<String> KEYS = Set.of("rate", "frameBytes", "warmup", "seconds");

    private LoopbackFloor() {
    }

    /** What one run measured: latencies in nanoseconds, per frame. */
    public record Result(int rate, int frameBytes, int warmup, int seconds, long framesSent, Histogram sinceSent,
                         Histogram sinceDue, double cpuShare, String load) {
        public String report() {
            return String.format(Locale.ROOT, """
                    plain TCP on loopback, %,d trades/s as %,d frames of %,d B inflated, %d s after %d s warm-up
                      read %,d frames
                      send -> last byte read (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      due  -> last byte read (us): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                      this JVM used %.2f CPUs; load average %s""",
                    rate, framesSent, frameBytes, seconds, warmup, sinceSent.getTotalCount(),
                    us(sinceSent, 50), us(sinceSent, 90), us(sinceSent, 99), us(sinceSent, 99.9), us(sinceSent, 100),
                    us(sinceDue, 50), us(sinceDue, 90), us(sinceDue, 99), us(sinceDue, 99.9), us(sinceDue, 100),
                    cpuShare, load);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, KEYS);
        System.out.println(run(args.getInt("rate", 100_000), args.getInt("frameBytes", 16384),
                args.getInt("warmup", 10), args.getInt("seconds", 20)).report());
    }

    public static Result run(int rate, int frameBytes, int warmup, int seconds) throws IOException, InterruptedException {
        MarkedFrames frames = MarkedFrames.forRate(rate, frameBytes);
        SendLog log = SendLog.inMemory(frames.slots());
        Recorder sinceSent = new Recorder(3);
        Recorder sinceDue = new Recorder(3);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket sending = new Socket(listener.getInetAddress(), listener.getLocalPort());
             Socket receiving = listener.accept()) {
            sending.setTcpNoDelay(true);
            receiving.setTcpNoDelay(true);
            Thread reader = new Thread(() -> read(receiving, log, sinceSent, sinceDue), "jvq-bench-floor-reader");
            reader.setDaemon(true);
            reader.start();
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sending.getOutputStream(), 1 << 20));
            Pacer pacer = new Pacer(frames, log, rate, (slot, frame) -> write(out, slot, frame));
            pacer.start();
            TimeUnit.SECONDS.sleep(warmup);
            sinceSent.getIntervalHistogram();
            sinceDue.getIntervalHistogram();
            long frames0 = log.framesSent();
            long cpu0 = MachineLoad.processCpuNanos();
            long wall0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            pacer.stop();
            // The last frame written is read within milliseconds on loopback.
            TimeUnit.MILLISECONDS.sleep(200);
            double cpu = (double) (MachineLoad.processCpuNanos() - cpu0) / (System.nanoTime() - wall0);
            return new Result(rate, frameBytes, warmup, seconds, log.framesSent() - frames0,
                    sinceSent.getIntervalHistogram(), sinceDue.getIntervalHistogram(), cpu, MachineLoad.loadAverage());
        }
    }

    private static void write(DataOutputStream out, int slot, byte[] frame) {
        try {
            out.writeInt(slot);
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Socket socket, SendLog log, Recorder sinceSent, Recorder sinceDue) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 20))) {
            byte[] frame = new byte[1 << 20];
            while (true) {
                int slot = in.readInt();
                int length = in.readInt();
                in.readFully(frame, 0, length);
                long now = System.nanoTime();
                sinceSent.recordValue(Math.max(0, now - log.sent(slot)));
                sinceDue.recordValue(Math.max(0, now - log.due(slot)));
            }
        } catch (EOFException e) {
            // The sender closed: the run is over.
        } catch (IOException e) {
            if (!socket.isClosed()) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String us(Histogram h, double percentile) {
        long value = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.0f", value / 1e3);
    }
}
