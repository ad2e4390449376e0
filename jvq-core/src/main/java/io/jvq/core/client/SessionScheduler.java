package io.jvq.core.client;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * Where the session's own work runs, and the clock it measures silence with: discovery answers,
 * backoff waits, pings and idle checks. A client has one thread of its own ({@link ThreadScheduler});
 * tests drive one on virtual time, so that a timer fires when the test says and not after a real wait.
 * Tasks run one at a time, in the order they fall due.
 */
interface SessionScheduler {

    /** Runs {@code task} as soon as the thread is free; a no-op once shut down. */
    void execute(Runnable task);

    /** Runs {@code task} once after {@code delay}; a no-op (and a no-op handle) once shut down. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Runs {@code task} every {@code period}, the first time one period from now. */
    Cancellable scheduleAtFixedRate(Runnable task, Duration period);

    /** Monotonic now in nanoseconds, on this scheduler's clock. */
    long nanoTime();

    /** The thread that runs the tasks, once it has started; null before. */
    @Nullable Thread thread();

    /** Runs nothing more; a task running now finishes. May be called from a task. */
    void shutdown();

    /** A scheduled task that may still be called off. */
    @FunctionalInterface
    interface Cancellable {
        Cancellable NONE = () -> { };

        /** Calls the task off if it has not run; a periodic one runs no more. Idempotent. */
        void cancel();
    }
}
