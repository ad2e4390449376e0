package io.jvq.cli.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code --give-up-after}: runs {@code giveUp} once the session has gone {@code after} without a
 * connection, counted from the start or from the moment the last connection was lost.
 */
final class GiveUpTimer implements AutoCloseable {
    private final Duration after;
    private final Runnable giveUp;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;

    /** @param after null for never */
    GiveUpTimer(Duration after, Runnable giveUp) {
        this.after = after;
        this.giveUp = giveUp;
        this.timer = after == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jvq-give-up");
            thread.setDaemon(true);
            return thread;
        });
    }

    Duration after() {
        return after;
    }

    /** Without a connection from now on: starts counting unless already counting. */
    synchronized void disconnected() {
        if (timer != null && pending == null && !timer.isShutdown()) {
            pending = timer.schedule(giveUp, after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void connected() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
