package io.jvq.kafka;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A listener that keeps every event it hears, for a test to wait on and inspect. */
final class Received implements QuoteListener {
    private final List<JvqEvent> events = new ArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);

    @Override
    public synchronized void onEvent(JvqEvent event) {
        events.add(event);
        if (event instanceof ConnectionEvent.Connected) {
            connected.countDown();
        }
        notifyAll();
    }

    void awaitConnected(Duration timeout) throws InterruptedException {
        assertThat(connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("connected within " + timeout).isTrue();
    }

    synchronized List<Level2Trade> trades() {
        return events.stream().filter(Level2Trade.class::isInstance).map(Level2Trade.class::cast).toList();
    }

    synchronized List<QuoteEvent> quotes() {
        return events.stream().filter(QuoteEvent.class::isInstance).map(QuoteEvent.class::cast).toList();
    }

    synchronized List<JvqEvent> events() {
        return List.copyOf(events);
    }

    /** Waits until at least {@code n} trades arrived; fails after {@code timeout}. */
    void awaitTrades(int n, Duration timeout) throws InterruptedException {
        awaitEvents(Level2Trade.class::isInstance, n, timeout);
    }

    synchronized void awaitEvents(Predicate<JvqEvent> which, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.stream().filter(which).count() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " events within " + timeout + ", got "
                        + events.stream().filter(which).count() + ": " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
