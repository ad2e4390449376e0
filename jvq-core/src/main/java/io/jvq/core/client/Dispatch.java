package io.jvq.core.client;

import java.util.Objects;

/**
 * How a {@link JvqClient} hands events to its {@link QuoteListener}.
 *
 * <ul>
 * <li>{@link #direct()} (the default): the listener runs on the thread that delivered the frame,
 *     the transport's reader. Nothing is queued in the client: a slow listener slows the reader,
 *     and the backpressure is whatever the transport does with a reader that does not read.</li>
 * <li>{@link #bounded(int, OverflowPolicy)}: decoded events go into a queue of at most
 *     {@code capacity} feed events, drained by one daemon thread of the client's
 *     ({@code jvq-dispatch-N}) that calls the listener for every event, connection events included,
 *     in the order they happened. When the queue is full the {@link OverflowPolicy} decides;
 *     every dropped event is counted in {@link ClientStats#droppedEvents()}, and the listener gets
 *     a {@link io.jvq.core.event.DispatchEvent.DroppingStarted} where the first one went missing
 *     and a {@link io.jvq.core.event.DispatchEvent.DroppingStopped} with the count once it has
 *     caught up (the queue is empty).</li>
 * </ul>
 *
 * <p>Feed events are quotes, trades, books, decode errors and server texts. Connection and
 * dispatch events are never dropped, never wait and do not count against the capacity: they come
 * a few per connection attempt, paced by the reconnect policy. At {@link JvqClient#close()} the
 * queued feed events are discarded (not counted as drops) and {@code Closed} is delivered last,
 * on the dispatch thread, which then ends.
 */
public sealed interface Dispatch permits Dispatch.Direct, Dispatch.Bounded {

    /** The listener runs on the transport's reader thread; no queue. */
    static Dispatch direct() {
        return Direct.INSTANCE;
    }

    /**
     * A queue of at most {@code capacity} feed events between the reader and the listener.
     *
     * @throws IllegalArgumentException when capacity is not positive
     */
    static Dispatch bounded(int capacity, OverflowPolicy overflow) {
        return new Bounded(capacity, overflow);
    }

    /** See {@link #direct()}. */
    final class Direct implements Dispatch {
        private static final Direct INSTANCE = new Direct();

        private Direct() {
        }

        @Override
        public String toString() {
            return "Dispatch.direct()";
        }
    }

    /**
     * See {@link #bounded(int, OverflowPolicy)}.
     *
     * @param capacity the most feed events queued for the listener
     * @param overflow what happens to a feed event that finds the queue full
     */
    record Bounded(int capacity, OverflowPolicy overflow) implements Dispatch {
        public Bounded {
            Objects.requireNonNull(overflow, "overflow");
            if (capacity < 1) {
                throw new IllegalArgumentException("dispatch queue capacity must be at least 1, got " + capacity);
            }
        }
    }
}
