package io.jvq.bench;

import io.jvq.bench.e2e.ClientRig;
import io.jvq.bench.e2e.DeliveryPath;
import io.jvq.bench.e2e.FeedTap;
import io.jvq.bench.e2e.TradeWindow;
import io.jvq.bench.e2e.Transport;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;
import io.jvq.core.QuoteLevel;
import io.jvq.core.client.ClientStats;
import io.jvq.sim.MarketSimulator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Fake server → loopback WebSocket → client → listener, through a real transport. The fake pushes
 * pre-deflated level-2 frames from the market simulator (≈16 KB inflated, ≈465 trades each) as fast
 * as the client takes them: one operation pushes one frame, after waiting until at most
 * {@value #WINDOW} earlier frames are still being delivered. The {@code trades} counter is level-2
 * trades delivered to the listener per second (the figure the target names); {@code frames}/s is
 * the primary score. Server, client and listener share this JVM and the machine's cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class EndToEndBenchmark {
    /** Frames in flight: enough to keep the socket and the decoder busy, few enough to bound the lag. */
    static final int WINDOW = 16;
    static final int FRAME_BYTES = 16384;

    @Param({"VERTX", "TYRUS"})
    public Transport transport;

    @Param({"FLYWEIGHT", "RECORDS"})
    public DeliveryPath path;

    private FrameCorpus corpus;
    private int next;
    private FeedTap tap;
    private TradeWindow window;
    private ClientRig rig;
    /** The tap's trade count when last credited to {@link Delivered}. */
    private long credited;

    /** Trades delivered to the listener during the iteration (JMH reports it per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivered {
        public long trades;
    }

    @Setup(Level.Trial)
    public void setUp() {
        corpus = Corpora.get(FrameSource.SIMULATOR, FrameMix.LV2, FRAME_BYTES);
        tap = FeedTap.counting();
        window = new TradeWindow(tap, WINDOW, Duration.ofSeconds(10));
        rig = ClientRig.start(transport, path, MarketSimulator.fullMarketCodes(QuoteLevel.LV2), tap);
        credited = 0;
    }

    @Benchmark
    public void pushFrame(Delivered delivered) {
        window.awaitRoom();
        int i = next;
        next = i + 1 == corpus.size() ? 0 : i + 1;
        if (rig.server().pushBinary(corpus.compressed(i)) != 1) {
            throw new IllegalStateException("the fake has no open connection to push to: " + rig.server());
        }
        window.pushed(corpus.events(i));
        long seen = tap.trades();
        delivered.trades += seen - credited;
        credited = seen;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            // Every trade pushed must arrive, once, without a decode error, or the rate means nothing.
            window.drain();
            ClientStats stats = rig.client().stats();
            if (tap.trades() != window.pushedTrades() || tap.decodeErrors() != 0
                    || stats.framesReceived() != window.pushedFrames()) {
                throw new IllegalStateException(transport + "/" + path + ": pushed " + window.pushedFrames()
                        + " frames with " + window.pushedTrades() + " trades; the listener got " + tap.trades()
                        + " trades and " + tap.decodeErrors() + " decode errors; client stats " + stats);
            }
        } finally {
            rig.close();
        }
    }
}
