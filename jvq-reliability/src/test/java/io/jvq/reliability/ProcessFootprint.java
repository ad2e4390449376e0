package io.jvq.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The threads and heap of this JVM at one moment, to check that a client leaves nothing behind
 * after {@code close()}.
 */
final class ProcessFootprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /**
     * Threads the JVM or a library keeps for the whole process, whoever starts them first: not
     * a client's to stop. The JDK's common pool lets idle workers go after 60 s; Netty's global
     * executor after a second; the JDK's one timer thread behind {@code CompletableFuture.orTimeout}
     * lives as long as the JVM.
     */
    private static boolean processWide(Thread t) {
        return t.getName().startsWith("ForkJoinPool.commonPool-worker")
                || t.getName().equals("CompletableFutureDelayScheduler")
                || t.getName().equals("globalEventExecutor")
                || t.getName().startsWith("process reaper")
                || t.getName().equals("Attach Listener");
    }

    private final Set<Thread> threads;
    private final long heapBytes;

    private ProcessFootprint(Set<Thread> threads, long heapBytes) {
        this.threads = threads;
        this.heapBytes = heapBytes;
    }

    /** Live threads now, and the heap in use after full collections. */
    static ProcessFootprint measure() throws InterruptedException {
        return new ProcessFootprint(liveThreads(), heapAfterGc());
    }

    long heapBytes() {
        return heapBytes;
    }

    int threadCount() {
        return threads.size();
    }

    /** Threads alive now that were not in this footprint (process-wide pools aside). */
    List<String> newThreadsNow() {
        return liveThreads().stream()
                .filter(t -> !threads.contains(t) && !processWide(t))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .sorted()
                .toList();
    }

    /** Waits up to {@code timeout} for every thread started since this footprint to end; returns those left. */
    List<String> awaitThreadsGone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left = newThreadsNow();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            // On JDK 17 the HTTP client's selector thread ends only once its client is unreachable.
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
            left = newThreadsNow();
        }
        return left;
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> live = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) {
                live.add(t);
            }
        }
        return live;
    }

    /** Heap in use after collections; the lowest of a few readings (a collection is a request). */
    static long heapAfterGc() throws InterruptedException {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(30);
            lowest = Math.min(lowest, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }
}
