package io.jvq.transport.tyrus;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler Tyrus sessions get: the port's control thread, except that once the port is
 * closed a task is quietly not scheduled instead of throwing into Tyrus's read path (a Tyrus
 * session schedules its idle-timeout check on every message, and one may still arrive on a
 * connection that is closing). Shutting this view down is the port's business, not Tyrus's.
 *
 * <p>A task due at once runs at once, on the calling thread. The one such task is that same
 * idle-timeout check: Tyrus schedules it with the idle timeout as delay, which is always 0 here
 * (the core watches liveness itself), and the check then does nothing. Handing it to the control
 * thread would wake that thread for every message received, on the reading thread's time.
 */
final class SessionTimer extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledExecutorService control;

    SessionTimer(ScheduledExecutorService control) {
        this.control = control;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (delay <= 0) {
            try {
                command.run();
            } catch (RuntimeException e) {
                Log.LOG.warn("a Tyrus session task failed", e);
            }
            return Settled.RAN;
        }
        try {
            return control.schedule(command, delay, unit);
        } catch (RejectedExecutionException e) {
            return Settled.NOT_SCHEDULED;
        }
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        try {
            return control.schedule(callable, delay, unit);
        } catch (RejectedExecutionException e) {
            return Settled.cast();
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        try {
            return control.scheduleAtFixedRate(command, initialDelay, period, unit);
        } catch (RejectedExecutionException e) {
            return Settled.NOT_SCHEDULED;
        }
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        try {
            return control.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        } catch (RejectedExecutionException e) {
            return Settled.NOT_SCHEDULED;
        }
    }

    @Override
    public void execute(Runnable command) {
        try {
            control.execute(command);
        } catch (RejectedExecutionException e) {
            // The port is closed: nothing is left for the task to do.
        }
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

    /** The future of a task that already ran, or was never scheduled (then it counts as cancelled). */
    private static final class Settled implements ScheduledFuture<Object> {
        static final Settled RAN = new Settled(false);
        static final Settled NOT_SCHEDULED = new Settled(true);
        private final CompletableFuture<Object> outcome = new CompletableFuture<>();

        private Settled(boolean cancelled) {
            if (cancelled) {
                outcome.cancel(false);
            } else {
                outcome.complete(null);
            }
        }

        @SuppressWarnings("unchecked")
        static <V> ScheduledFuture<V> cast() {
            return (ScheduledFuture<V>) (ScheduledFuture<?>) NOT_SCHEDULED;
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
            return outcome.isCancelled();
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return outcome.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException {
            return outcome.get();
        }
    }
}
