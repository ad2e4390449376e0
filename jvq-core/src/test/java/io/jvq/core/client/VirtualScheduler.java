package io.jvq.core.client;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SessionScheduler} on virtual time: tasks still run one at a time on a thread of their
 * own (so the session's threading is what it is in production), but a timer falls due only when a
 * test {@link #advance advances} the clock past it. Timing tests say "50 ms pass" instead of
 * sleeping, and get exact answers: with a 10 ms ping, 500 ms bring exactly 50 pings.
 */
final class VirtualScheduler implements SessionScheduler {
    private final ExecutorService executor;
    private final PriorityQueue<Due> timers = new PriorityQueue<>();
    private volatile Thread thread;
    private volatile long nowNanos;
    /** Tasks handed to {@link #execute} that have not finished. */
    private final AtomicInteger queued = new AtomicInteger();
    private long sequence;

    VirtualScheduler() {
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread created = new Thread(task, "jvq-client-virtual");
            created.setDaemon(true);
            thread = created;
            return created;
        });
    }

    /**
     * Lets {@code time} pass: runs every timer that falls due meanwhile, in order, each at its own
     * instant, after the tasks already waiting for the thread.
     */
    void advance(Duration time) {
        long until = nowNanos + time.toNanos();
        idle();
        while (true) {
            Due next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.atNanos > until) {
                    break;
                }
                timers.poll();
                nowNanos = next.atNanos;
                if (next.periodNanos > 0 && !next.cancelled()) {
                    timers.add(next.again(sequence++));
                }
            }
            if (!next.cancelled()) {
                runAndWait(next.task);
                idle();
            }
        }
        nowNanos = until;
    }

    /** Waits until the thread has nothing left to run, counting tasks that tasks hand it meanwhile. */
    void idle() {
        do {
            runAndWait(() -> { });
        } while (queued.get() > 0);
    }

    /** Timers not yet due and not cancelled. */
    synchronized long pendingTimers() {
        return timers.stream().filter(due -> !due.cancelled()).count();
    }

    private void runAndWait(Runnable task) {
        try {
            Future<?> done = executor.submit(task);
            done.get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // Shut down: nothing runs any more.
        } catch (ExecutionException e) {
            throw new AssertionError("a session task threw", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a session task did not finish within 5 s", e);
        }
    }

    @Override
    public void execute(Runnable task) {
        queued.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    queued.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();   // shut down, as the real one
        }
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        return add(task, delay.toNanos(), 0);
    }

    @Override
    public synchronized Cancellable scheduleAtFixedRate(Runnable task, Duration period) {
        return add(task, period.toNanos(), period.toNanos());
    }

    private Cancellable add(Runnable task, long delayNanos, long periodNanos) {
        if (executor.isShutdown()) {
            return Cancellable.NONE;
        }
        Due due = new Due(nowNanos + delayNanos, sequence++, periodNanos, task, new AtomicBoolean());
        timers.add(due);
        return due::cancel;
    }

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    @Override
    public Thread thread() {
        return thread;
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    /** A timer; {@code cancelled} is shared by the repeats of a periodic one. */
    private record Due(long atNanos, long order, long periodNanos, Runnable task, AtomicBoolean cancelledFlag)
            implements Comparable<Due> {
        boolean cancelled() {
            return cancelledFlag.get();
        }

        void cancel() {
            cancelledFlag.set(true);
        }

        Due again(long nextOrder) {
            return new Due(atNanos + periodNanos, nextOrder, periodNanos, task, cancelledFlag);
        }

        @Override
        public int compareTo(Due other) {
            int byTime = Long.compare(atNanos, other.atNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
