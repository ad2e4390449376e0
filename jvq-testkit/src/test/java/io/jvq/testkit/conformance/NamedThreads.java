package io.jvq.testkit.conformance;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Executors whose threads say whose they are. */
final class NamedThreads {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private NamedThreads() {
    }

    static ExecutorService cachedPool(String prefix) {
        String pool = prefix + "-" + POOLS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, pool + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
