package io.jvq.reliability;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ListenerFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A listener that writes down what a client delivered: connection events with the time they
 * arrived (for the driver to wait on), how often each trade id came, decode errors and listener
 * failures; optionally every event's {@code toString()}.
 */
class DeliveryLedger implements QuoteListener {

    /** A connection event and {@link System#nanoTime()} when the listener got it. */
    record Stamped(long nanos, ConnectionEvent event) {
    }

    private final BlockingQueue<Stamped> pending = new LinkedBlockingQueue<>();
    private final List<Stamped> connectionEvents = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicLong> tradesById = new ConcurrentHashMap<>();
    private final AtomicLong trades = new AtomicLong();
    private final List<DecodeError> decodeErrors = new CopyOnWriteArrayList<>();
    private final List<ListenerFailure> listenerFailures = new CopyOnWriteArrayList<>();
    private final List<String> rendered = new CopyOnWriteArrayList<>();
    private final boolean renderAll;
    private volatile long lastTradeNanos;

    DeliveryLedger() {
        this(false);
    }

    /** @param renderAll keep every event's {@code toString()} (for the token hygiene sweep) */
    DeliveryLedger(boolean renderAll) {
        this.renderAll = renderAll;
    }

    @Override
    public void onEvent(JvqEvent event) {
        if (renderAll) {
            rendered.add(event.toString());
        }
        QuoteListener.super.onEvent(event);
    }

    @Override
    public void onTrade(Level2Trade trade) {
        tradesById.computeIfAbsent(trade.tradeId(), id -> new AtomicLong()).incrementAndGet();
        lastTradeNanos = System.nanoTime();
        trades.incrementAndGet();
    }

    @Override
    public void onDecodeError(DecodeError error) {
        decodeErrors.add(error);
    }

    @Override
    public void onListenerFailure(ListenerFailure failure) {
        listenerFailures.add(failure);
    }

    @Override
    public void onConnectionEvent(ConnectionEvent event) {
        Stamped stamped = new Stamped(System.nanoTime(), event);
        connectionEvents.add(stamped);
        pending.add(stamped);
    }

    /**
     * Takes connection events in order until one of {@code type} arrives, and returns them all, that
     * one last.
     *
     * @throws AssertionError when none arrives within {@code timeout}
     */
    List<Stamped> takeUntil(Class<? extends ConnectionEvent> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Stamped> taken = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Stamped next = left <= 0 ? null : pending.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; events meanwhile: "
                        + taken.stream().map(Stamped::event).toList());
            }
            taken.add(next);
            if (type.isInstance(next.event())) {
                return taken;
            }
        }
    }

    /** Waits until {@code count} reaches {@code expected}; false on timeout. */
    static boolean awaitCount(LongSupplier count, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        return true;
    }

    long trades() {
        return trades.get();
    }

    long lastTradeNanos() {
        return lastTradeNanos;
    }

    /** How many times trade {@code id} was delivered. */
    long timesDelivered(long id) {
        AtomicLong n = tradesById.get(id);
        return n == null ? 0 : n.get();
    }

    /** Distinct trade ids delivered. */
    int distinctTrades() {
        return tradesById.size();
    }

    List<Stamped> connectionEvents() {
        return List.copyOf(connectionEvents);
    }

    List<DecodeError> decodeErrors() {
        return List.copyOf(decodeErrors);
    }

    List<ListenerFailure> listenerFailures() {
        return List.copyOf(listenerFailures);
    }

    List<String> rendered() {
        return List.copyOf(rendered);
    }
}
