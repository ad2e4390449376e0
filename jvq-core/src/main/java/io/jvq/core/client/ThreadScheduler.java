package io.jvq.core.client;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The client's own daemon thread ({@code jvq-client-N}) on the system's monotonic clock. */
final class ThreadScheduler implements SessionScheduler {
    private final ScheduledThreadPoolExecutor executor;
    private volatile @Nullable Thread thread;

    ThreadScheduler(String threadName) {
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread created = new Thread(task, threadName);
            created.setDaemon(true);
            thread = created;
            return created;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // Shut down: the task has nothing left to do.
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        try {
            return handle(executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            return Cancellable.NONE;
        }
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, Duration period) {
        try {
            long nanos = period.toNanos();
            return handle(executor.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            return Cancellable.NONE;
        }
    }

    private static Cancellable handle(ScheduledFuture<?> future) {
        return () -> future.cancel(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public @Nullable Thread thread() {
        return thread;
    }

    @Override
    public void shutdown() {
        // shutdown, not shutdownNow: close() may run on this very thread; no interrupt is needed.
        executor.shutdown();
    }
}
