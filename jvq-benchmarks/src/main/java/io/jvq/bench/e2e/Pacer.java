package io.jvq.bench.e2e;

import io.jvq.testkit.ReplayRate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Pushes the {@link MarkedFrames} ring out frame after frame, each when the trades before it should
 * have gone out at the rate ({@link ReplayRate}'s rule, as the testkit's paced replay), noting every frame in the {@link SendLog} just before its push. Runs on
 * a thread of its own until {@link #stop}, for the servers without an event loop ({@link BareFeed},
 * {@link io.jvq.bench.LoopbackFloor}); the fake paces its own replay on its event loop ({@link InProcessFeed}).
 */
public final class Pacer {
    /** Where a frame goes: the fake server's push to its one client. */
    @FunctionalInterface
    public interface Wire {
        /** Sends {@code frame}, the ring's slot {@code slot}, as is; throws if it cannot reach the client. */
        void push(int slot, byte[] frame);
    }

    private final MarkedFrames frames;
    private final SendLog log;
    private final Wire wire;
    private final ReplayRate rate;
    private final Thread thread;
    private volatile boolean stop;
    private volatile Throwable failure;

    public Pacer(MarkedFrames frames, SendLog log, int rate, Wire wire) {
        if (log.slots() != frames.slots()) {
            throw new IllegalArgumentException("the log has " + log.slots() + " slots, the ring " + frames.slots());
        }
        this.frames = frames;
        this.log = log;
        this.wire = wire;
        this.rate = ReplayRate.tradesPerSecond(rate);
        this.thread = new Thread(this::run, "jvq-bench-pacer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops pushing and waits for the last push to end; throws what made the pacer fail, if anything did. */
    public void stop() throws InterruptedException {
        stop = true;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (thread.isAlive()) {
            throw new IllegalStateException("the pacer did not stop within 10 s");
        }
        if (failure != null) {
            throw new IllegalStateException("the pacer failed", failure);
        }
    }

    /** Stops pushing, on closing: what made the pacer fail was for {@link #stop}'s caller to hear, if anyone asked. */
    public void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // Closing goes on.
        }
    }

    /** What made the pacer stop on its own, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
            long sentTrades = 0;
            for (long k = 0; !stop; k++) {
                int slot = (int) (k % frames.slots());
                long due = start + rate.dueNanos(sentTrades);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                log.sending(slot, k, due, System.nanoTime());
                wire.push(slot, frames.compressed(slot));
                sentTrades += frames.trades(slot);
                log.sent(k + 1, sentTrades);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }
}
