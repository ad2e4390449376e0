package io.jvq.bench.e2e;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.CaptureHeader;
import io.jvq.core.client.ClientOptions;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.testkit.Replay;
import io.jvq.testkit.ReplayRate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * A {@link FakeJvQuant} replaying the {@link MarkedFrames} ring at the rate, looping, in this
 * process: the fake's own paced replay ({@link ReplayRate}), which paces and writes on its event
 * loop; its probe notes each frame in the {@link SendLog} just before the write.
 */
public final class InProcessFeed implements PacedFeed {
    private final FakeJvQuant server;
    private final SendLog log;
    private final MarkedFrames frames;
    private final Capture ring;
    private final ReplayRate rate;
    private volatile Replay replay;
    // Written on the fake's event loop only (the probe).
    private long trades;

    private InProcessFeed(FakeJvQuant server, SendLog log, MarkedFrames frames, int rate) {
        this.server = server;
        this.log = log;
        this.frames = frames;
        // Unfiltered, as the bare server sends: the floor's bare client subscribes to nothing, and a
        // client's subscription may still be arriving in pieces when pacing starts.
        this.rate = ReplayRate.tradesPerSecond(rate).looping().unfiltered();
        List<CaptureEntry> entries = new ArrayList<>(frames.slots());
        for (int s = 0; s < frames.slots(); s++) {
            entries.add(new CaptureEntry.Binary(0, frames.compressed(s)));
        }
        this.ring = new Capture(CaptureHeader.minimal(), entries);
    }

    /** Builds the ring, the log ({@code logFor} the ring's slot count) and starts the server. */
    public static InProcessFeed start(int rate, int frameBytes, IntFunction<SendLog> logFor) {
        MarkedFrames frames = MarkedFrames.forRate(rate, frameBytes);
        SendLog log = logFor.apply(frames.slots());
        return new InProcessFeed(FakeJvQuant.start(), log, frames, rate);
    }

    public int port() {
        return server.port();
    }

    @Override
    public ClientOptions clientOptions() {
        return server.clientOptions().build();
    }

    @Override
    public SendLog log() {
        return log;
    }

    @Override
    public void startPacing() {
        // The client may see its subscription answered before the fake counts its connection open.
        server.awaitConnections(1, ClientRig.CONNECT_TIMEOUT);
        replay = server.replay(ring, rate, (number, slot, due, now) -> {
            log.sending(slot, number, due, now);
            trades += frames.trades(slot);
            log.sent(number + 1, trades);
        });
    }

    @Override
    public void stopPacing() throws InterruptedException {
        Replay running = replay;
        if (running == null) {
            return;
        }
        running.cancel();
        try {
            running.done().get(10, TimeUnit.SECONDS);
        } catch (CancellationException | ExecutionException e) {
            Throwable why = e instanceof ExecutionException ? e.getCause() : e;
            if (!(why instanceof CancellationException)) {
                throw new IllegalStateException("the fake's replay failed", why);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the fake's replay did not stop within 10 s", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
