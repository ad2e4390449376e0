package io.jvq.testkit;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.ReplaySpeed;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A capture being replayed by {@link FakeJvQuant#replay}: paced by the recorded clock
 * ({@link ReplaySpeed}) on a thread of its own, or by trades ({@link ReplayRate}) on the fake's
 * event loop, which then writes each frame without handing it over from another thread.
 */
public final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

    private final FakeJvQuant server;
    private final Capture capture;
    /** By the recorded clock: its speed and thread; null with a rate. */
    private final ReplaySpeed speed;
    private final Thread thread;
    /** With a rate: what paces it on the fake's event loop; null by the recorded clock. */
    private final EventLoopPacer pacer;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicLong tradesSent = new AtomicLong();
    private volatile long startNanos;
    private volatile long endNanos;

    /** Played on a thread of its own, by the recorded clock. */
    Replay(FakeJvQuant server, Capture capture, ReplaySpeed speed, String threadName) {
        this.server = server;
        this.capture = capture;
        this.speed = speed;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.pacer = null;
    }

    /** Paced by trades on the fake's event loop, which writes the frames itself. */
    Replay(FakeJvQuant server, Capture capture, ReplayRate rate, List<PreparedFrame> frames, ReplayProbe probe,
           EventLoop loop) {
        this.server = server;
        this.capture = capture;
        this.speed = null;
        this.thread = null;
        this.pacer = new EventLoopPacer(this, server, frames, rate, probe, loop);
    }

    void start() {
        if (pacer != null) {
            pacer.start();
        } else {
            thread.start();
        }
    }

    /** Completes when every entry has been played; fails if the replay was cancelled or broke. */
    public CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Waits until the replay has finished.
     *
     * @throws AssertionError when it has not finished within {@code timeout}, or failed
     */
    public void await(Duration timeout) {
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("replay not finished after " + timeout + " (" + applied.get() + " of "
                    + capture.entries().size() + " entries played)");
        } catch (ExecutionException | CancellationException e) {
            throw new AssertionError("replay failed after " + applied.get() + " entries: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a replay", e);
        }
    }

    /** Entries played so far (command entries count as played; with a rate, frames sent, every loop counted). */
    public int entriesPlayed() {
        return applied.get();
    }

    /** Level-2 trades in the frames sent so far, the one being sent included (counted with a {@link ReplayRate}; 0 otherwise). */
    public long tradesSent() {
        return tradesSent.get();
    }

    /** Time from the first entry to the last sent (or to now while the replay runs). */
    public Duration elapsed() {
        long start = startNanos;
        if (start == 0) {
            return Duration.ZERO;
        }
        long end = endNanos;
        return Duration.ofNanos((end == 0 ? System.nanoTime() : end) - start);
    }

    /** Stops the replay; a stall it started is resumed. */
    public void cancel() {
        if (pacer != null) {
            pacer.cancel();
        } else {
            thread.interrupt();
        }
    }

    void join(Duration timeout) {
        try {
            if (pacer != null) {
                done.handle((v, e) -> null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("replay did not stop within {}", timeout);
        }
    }

    private void run() {
        long start = System.nanoTime();
        startNanos = start;
        try {
            for (CaptureEntry entry : capture.entries()) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(speed.gapMillis(entry.t()));
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                play(entry);
                applied.incrementAndGet();
            }
            finish();
        } catch (InterruptedException | RuntimeException e) {
            ended(e);
        }
    }

    // ---------------------------------------------------------------- the pacer's reports (on the event loop)

    void started(long nanos) {
        startNanos = nanos;
    }

    /** A frame is about to be written; {@code trades} counts it. */
    void sending(long trades) {
        tradesSent.set(trades);
    }

    void played() {
        applied.incrementAndGet();
    }

    void finish() {
        endNanos = System.nanoTime();
        done.complete(null);
    }

    void ended(Exception failure) {
        endNanos = System.nanoTime();
        if (failure instanceof InterruptedException) {
            done.completeExceptionally(new CancellationException("replay cancelled after " + applied.get() + " entries"));
        } else {
            RuntimeException e = (RuntimeException) failure;
            if (server.isClosed()) {
                done.completeExceptionally(new CancellationException("the server closed after " + applied.get()
                        + " entries of the replay"));
                return;
            }
            LOG.error("replay stopped at entry {}", applied.get() + 1, e);
            done.completeExceptionally(e);
        }
    }

    private void play(CaptureEntry entry) throws InterruptedException {
        if (entry instanceof CaptureEntry.Text text) {
            server.pushText(text.data());
        } else if (entry instanceof CaptureEntry.Binary binary) {
            server.pushRecordedBinary(binary.data());
        } else if (entry instanceof CaptureEntry.Quotes quotes) {
            server.pushRecordedQuotes(quotes.data());
        } else if (entry instanceof CaptureEntry.Close close) {
            server.closeAll(close.code(), close.reason());
        } else if (entry instanceof CaptureEntry.Cut) {
            server.cutAll();
        } else if (entry instanceof CaptureEntry.Stall stall) {
            server.stall();
            try {
                TimeUnit.MILLISECONDS.sleep(speed.stallMillis(stall.ms()));
            } finally {
                if (!server.isClosed()) {
                    server.resume();
                }
            }
        }
        // Command entries are what a client said; a replay plays the server's side only.
    }
}
