package io.jvq.testkit.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** What a frame-aware listener or sink was told, in order, and on which threads. */
final class FrameTape {
    private final List<String> entries = new ArrayList<>();
    private final Set<String> threads = new LinkedHashSet<>();

    synchronized void add(String entry) {
        entries.add(entry);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    synchronized List<String> await(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (entries.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("expected " + n + " entries in " + timeout + ", got " + entries);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return List.copyOf(entries);
    }

    synchronized Set<String> threads() {
        return Set.copyOf(threads);
    }
}
