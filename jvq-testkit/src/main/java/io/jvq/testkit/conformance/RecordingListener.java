package io.jvq.testkit.conformance;

import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.event.ServerText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps every event a client delivers, in order, and lets a test wait for the next one of a kind.
 * Quotes, server texts, decode errors and connection events are queued separately so that waiting
 * for one kind never consumes another.
 */
public final class RecordingListener implements QuoteListener {
    /** Appended to by the client's threads; a copy-on-write list would make a burst of quotes quadratic. */
    private final List<JvqEvent> all = Collections.synchronizedList(new ArrayList<>());
    private final BlockingQueue<QuoteEvent> quotes = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerText> texts = new LinkedBlockingQueue<>();
    private final BlockingQueue<DecodeError> decodeErrors = new LinkedBlockingQueue<>();
    private final BlockingQueue<ConnectionEvent> connectionEvents = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(JvqEvent event) {
        all.add(event);
        if (event instanceof QuoteEvent quote) {
            quotes.add(quote);
        } else if (event instanceof ServerText text) {
            texts.add(text);
        } else if (event instanceof DecodeError error) {
            decodeErrors.add(error);
        } else if (event instanceof ConnectionEvent change) {
            connectionEvents.add(change);
        }
    }

    /** Every event so far, in delivery order. */
    public List<JvqEvent> events() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** The next {@code n} quote events. */
    public List<QuoteEvent> nextQuotes(int n, Duration timeout) {
        List<QuoteEvent> out = new ArrayList<>(n);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < n; i++) {
            out.add(take(quotes, deadline, "quote event " + (i + 1) + " of " + n));
        }
        return out;
    }

    public ServerText nextText(Duration timeout) {
        return take(texts, System.nanoTime() + timeout.toNanos(), "a server text");
    }

    public DecodeError nextDecodeError(Duration timeout) {
        return take(decodeErrors, System.nanoTime() + timeout.toNanos(), "a decode error");
    }

    /** Skips connection events until one matches, and returns it. */
    public <T extends ConnectionEvent> T nextConnectionEvent(Class<T> type, Duration timeout) {
        return type.cast(nextConnectionEvent(type::isInstance, timeout, type.getSimpleName()));
    }

    public ConnectionEvent nextConnectionEvent(Predicate<ConnectionEvent> wanted, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConnectionEvent event = take(connectionEvents, deadline, what);
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Connection events received and not yet taken; removes them. */
    public List<ConnectionEvent> drainConnectionEvents() {
        List<ConnectionEvent> out = new ArrayList<>();
        connectionEvents.drainTo(out);
        return out;
    }

    /** Quote events received and not yet taken; removes them. */
    public List<QuoteEvent> drainQuotes() {
        List<QuoteEvent> out = new ArrayList<>();
        quotes.drainTo(out);
        return out;
    }

    private <T> T take(BlockingQueue<T> queue, long deadline, String what) {
        try {
            T next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("timed out waiting for " + what + "; events so far: " + summary());
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** The last few events, so that a failure message stays readable after a burst of quotes. */
    private String summary() {
        List<JvqEvent> events = events();
        int from = Math.max(0, events.size() - 12);
        return events.size() + " in all" + (from > 0 ? ", the last: " : ": ") + events.subList(from, events.size());
    }
}
