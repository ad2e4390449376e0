package io.jvq.transport.tyrus;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.AbstractExecutorService;

/**
 * The scheduler Tyrus sessions get: the port's control thread, except that once the port is
 * closed a task is quietly not scheduled instead of throwing into Tyrus's read path (a Tyrus
 * session schedules its idle-timeout check on every message, and one may still arrive on a
 * connection that is closing). Shutting this view down is the port's business, not Tyrus's.
 */
final class SessionTimer extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledExecutorService control;

    SessionTimer(ScheduledExecutorService control) {
        this.control = control;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        try {
            return control.schedule(command, delay, unit);
        } catch (RejectedExecutionException e) {
            return NotScheduled.INSTANCE;
        }
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        try {
            return control.schedule(callable, delay, unit);
        } catch (RejectedExecutionException e) {
            return NotScheduled.cast();
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        try {
            return control.scheduleAtFixedRate(command, initialDelay, period, unit);
        } catch (RejectedExecutionException e) {
            return NotScheduled.INSTANCE;
        }
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        try {
            return control.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        } catch (RejectedExecutionException e) {
            return NotScheduled.INSTANCE;
        }
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        // Not Tyrus's to shut down.
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return control.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return control.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return control.awaitTermination(timeout, unit);
    }

    /** The future of a task that was never scheduled: already cancelled. */
    private static final class NotScheduled implements ScheduledFuture<Object> {
        static final NotScheduled INSTANCE = new NotScheduled();
        private static final CompletableFuture<Object> CANCELLED = new CompletableFuture<>();

        static {
            CANCELLED.cancel(false);
        }

        @SuppressWarnings("unchecked")
        static <V> ScheduledFuture<V> cast() {
            return (ScheduledFuture<V>) (ScheduledFuture<?>) INSTANCE;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return CANCELLED.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException {
            return CANCELLED.get();
        }
    }
}
