package io.jvq.testkit;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.ReplaySpeed;
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
 * A capture being replayed by {@link FakeJvQuant#replay}, on a thread of its own: paced by the
 * recorded clock ({@link ReplaySpeed}) or by trades ({@link ReplayRate}).
 */
public final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

    private final FakeJvQuant server;
    private final Capture capture;
    private final ReplaySpeed speed;
    private final ReplayRate rate;
    /** With a rate: the capture's quote frames, prepared once. */
    private final List<PreparedFrame> frames;
    private final Thread thread;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicLong tradesSent = new AtomicLong();
    private volatile long startNanos;
    private volatile long endNanos;

    Replay(FakeJvQuant server, Capture capture, ReplaySpeed speed, String threadName) {
        this(server, capture, speed, null, List.of(), threadName);
    }

    Replay(FakeJvQuant server, Capture capture, ReplayRate rate, List<PreparedFrame> frames, String threadName) {
        this(server, capture, null, rate, frames, threadName);
    }

    private Replay(FakeJvQuant server, Capture capture, ReplaySpeed speed, ReplayRate rate, List<PreparedFrame> frames,
                   String threadName) {
        this.server = server;
        this.capture = capture;
        this.speed = speed;
        this.rate = rate;
        this.frames = frames;
        this.thread = new Thread(rate == null ? this::run : this::runAtRate, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
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
        thread.interrupt();
    }

    void join(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /**
     * With a rate: the prepared quote frames, each when the trades before it are due, once or in a
     * loop; the capture's other entries (texts, faults, commands) are not played.
     */
    private void runAtRate() {
        long start = System.nanoTime();
        startNanos = start;
        long trades = 0;
        try {
            do {
                for (PreparedFrame frame : frames) {
                    long wait = start + rate.dueNanos(trades) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    // Trades are counted before the push: a client may read the frame (and stop the
                    // replay) before this thread runs again, and the report must not trail what it got.
                    trades += frame.trades();
                    tradesSent.set(trades);
                    server.pushPrepared(frame);
                    applied.incrementAndGet();
                }
            } while (rate.loops() && !frames.isEmpty());
            finish();
        } catch (InterruptedException | RuntimeException e) {
            ended(e);
        }
    }

    private void finish() {
        endNanos = System.nanoTime();
        done.complete(null);
    }

    private void ended(Exception failure) {
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
