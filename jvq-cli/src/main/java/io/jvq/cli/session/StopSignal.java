package io.jvq.cli.session;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a duration to pass or for Ctrl-C, whichever comes first. On Ctrl-C the JVM halts
 * once its shutdown hooks return, so the hook waits (a bounded time) until the waiter has
 * cleaned up and said so with {@link #close()}.
 */
public final class StopSignal implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "jvq-ctrl-c");
    private final boolean hooked;
    private volatile boolean interrupted;

    public StopSignal() {
        boolean added;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            added = true;
        } catch (IllegalStateException shuttingDown) {
            added = false;
        }
        this.hooked = added;
    }

    /** Ends the wait now. */
    public void stop() {
        stop.countDown();
    }

    /** True when the wait ended by Ctrl-C rather than by {@link #stop()} or the duration. */
    public boolean interrupted() {
        return interrupted;
    }

    /** Waits until stopped or, when {@code duration} is not null, until it has passed. */
    public void await(Duration duration) throws InterruptedException {
        if (duration == null) {
            stop.await();
        } else {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stopAndWait() {
        interrupted = true;
        stop.countDown();
        try {
            done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cleanup is over: lets a running Ctrl-C hook return, and removes the hook otherwise. */
    @Override
    public void close() {
        done.countDown();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that done is counted down
            }
        }
    }
}
