package io.jvq.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a {@link FakeJvQuant}'s clients did and what the test scripted for them: the open
 * connections, the counts, the commands not yet taken and the discovery faults to come. The
 * endpoints write it on the event loop; the facade reads it on the test's thread, and
 * {@link #await} waits for a change.
 */
final class FakeState {
    final Map<Integer, FakeConnection> connections = new ConcurrentHashMap<>();
    final AtomicInteger acceptedConnections = new AtomicInteger();
    final AtomicInteger discoveries = new AtomicInteger();
    final AtomicInteger refusedUpgrades = new AtomicInteger();
    final BlockingQueue<ClientCommand> commands = new LinkedBlockingQueue<>();
    final Queue<DiscoveryFault> discoveryFaults = new ConcurrentLinkedQueue<>();
    /** Notified whenever something above changes, for {@link #await}. */
    private final Object changes = new Object();

    /** The next {@code n} discovery calls fail with {@code fault}, after the faults already scripted. */
    void scriptDiscoveryFaults(int n, DiscoveryFault fault) {
        Objects.requireNonNull(fault, "fault");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        for (int i = 0; i < n; i++) {
            discoveryFaults.add(fault);
        }
    }

    /** The open connections, in order of acceptance. */
    List<FakeConnection> openConnections() {
        List<FakeConnection> open = new ArrayList<>(connections.values());
        open.removeIf(c -> !c.isOpen());
        open.sort((a, b) -> Integer.compare(a.id, b.id));
        return open;
    }

    /** Applies {@code action} to every open connection, in order; returns how many it says it reached. */
    int forEachOpen(Predicate<FakeConnection> action) {
        int n = 0;
        for (FakeConnection c : openConnections()) {
            if (action.test(c)) {
                n++;
            }
        }
        return n;
    }

    /** The next command any client sent, waiting up to {@code timeout}. */
    Optional<ClientCommand> pollCommand(Duration timeout) {
        try {
            return Optional.ofNullable(commands.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a command", e);
        }
    }

    /** Commands not yet taken, oldest first; removes them. */
    List<ClientCommand> drainCommands() {
        List<ClientCommand> out = new ArrayList<>();
        commands.drainTo(out);
        return out;
    }

    /** Wakes whoever waits in {@link #await}: something changed. */
    void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    /**
     * Waits on the calling thread until {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} when it does not within {@code timeout}
     */
    void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + what.get(), e);
                }
            }
        }
    }
}
