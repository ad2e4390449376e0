package io.jvq.testkit;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.ReplaySpeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A capture being replayed by {@link FakeJvQuant#replay}, on a thread of its own. */
public final class Replay {
    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    private final FakeJvQuant server;
    private final Capture capture;
    private final ReplaySpeed speed;
    private final Thread thread;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger applied = new AtomicInteger();

    Replay(FakeJvQuant server, Capture capture, ReplaySpeed speed, String threadName) {
        this.server = server;
        this.capture = capture;
        this.speed = speed;
        this.thread = new Thread(this::run, threadName);
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

    /** Entries played so far (command entries count as played). */
    public int entriesPlayed() {
        return applied.get();
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
            done.complete(null);
        } catch (InterruptedException e) {
            done.completeExceptionally(new CancellationException("replay cancelled after " + applied.get() + " entries"));
        } catch (RuntimeException e) {
            if (server.isClosed()) {
                done.completeExceptionally(new CancellationException("the server closed after " + applied.get()
                        + " entries of the replay"));
                return;
            }
            log.error("replay stopped at entry {}", applied.get() + 1, e);
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
