package io.jvq.core.event;

/**
 * News from a bounded hand-off ({@code Dispatch.bounded}) about the listener falling behind.
 * Delivered in the stream where it happened; never dropped.
 */
public sealed interface DispatchEvent extends JvqEvent {

    /**
     * The queue of {@code capacity} feed events was full and events started to be dropped; the
     * first one missing is the one that would have come in this event's place.
     */
    record DroppingStarted(int capacity) implements DispatchEvent {
    }

    /** The listener caught up (the queue is empty); {@code dropped} events were lost since {@link DroppingStarted}. */
    record DroppingStopped(long dropped) implements DispatchEvent {
    }
}
