package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.LongAdder;

/**
 * A client's events as a {@link Flow.Publisher}, for reactive code: give it to
 * {@link JvqClient.Builder#listener} and subscribe as many {@link Flow.Subscriber}s as wanted.
 *
 * <pre>{@code
 * EventPublisher events = new EventPublisher(executor, 4096);
 * JvqClient client = JvqClient.builder().options(options).socket(socket).discovery(discovery)
 *         .listener(events).build();
 * events.subscribe(subscriber);
 * }</pre>
 *
 * Each subscriber gets its own buffer of {@code bufferCapacity} events (rounded up to a power of
 * two, as {@link SubmissionPublisher} does) and its callbacks run on {@code executor}, honouring
 * its demand ({@code request(n)}). The publisher never blocks the thread that hands it an event:
 * an event that does not fit a subscriber's buffer is dropped for that subscriber and counted in
 * {@link #dropped()}. The client's {@code Closed} event, the last one, completes every subscriber.
 */
public final class EventPublisher implements Flow.Publisher<JvqEvent>, QuoteListener, AutoCloseable {
    private final SubmissionPublisher<JvqEvent> publisher;
    private final LongAdder dropped = new LongAdder();

    /**
     * @param executor       runs the subscribers' callbacks (use a named, bounded one of yours)
     * @param bufferCapacity the most events buffered for one subscriber
     */
    public EventPublisher(Executor executor, int bufferCapacity) {
        Objects.requireNonNull(executor, "executor");
        if (bufferCapacity < 1) {
            throw new IllegalArgumentException("bufferCapacity must be at least 1, got " + bufferCapacity);
        }
        this.publisher = new SubmissionPublisher<>(executor, bufferCapacity);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super JvqEvent> subscriber) {
        publisher.subscribe(subscriber);
    }

    /** Offers the event to every subscriber; completes them all after {@code Closed}. */
    @Override
    public void onEvent(JvqEvent event) {
        if (publisher.isClosed()) {
            return;
        }
        try {
            publisher.offer(event, (subscriber, lost) -> {
                dropped.increment();
                return false;
            });
        } catch (IllegalStateException closedMeanwhile) {
            return;
        }
        if (event instanceof ConnectionEvent.Closed) {
            publisher.close();
        }
    }

    /** Events dropped because a subscriber's buffer was full (one per subscriber that missed one). */
    public long dropped() {
        return dropped.sum();
    }

    public int subscribers() {
        return publisher.getNumberOfSubscribers();
    }

    /** Completes every subscriber now; later events are ignored. Idempotent. */
    @Override
    public void close() {
        publisher.close();
    }

    @Override
    public String toString() {
        return "EventPublisher[" + publisher.getNumberOfSubscribers() + " subscribers, " + dropped() + " dropped]";
    }
}
