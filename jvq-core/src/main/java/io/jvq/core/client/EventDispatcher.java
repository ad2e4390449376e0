package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import org.jspecify.annotations.Nullable;

/** Hands the session's events to the listener: directly, or through a bounded queue ({@link Dispatch}). */
interface EventDispatcher {

    /** One event for the listener; ignored after {@link #close}. */
    void dispatch(JvqEvent event);

    /** The end of the frame whose events were just dispatched; ignored after {@link #close}. */
    void frameEnd();

    /** Delivers {@code closed} as the last event and releases what the dispatcher holds. Idempotent. */
    void close(ConnectionEvent.Closed closed);

    /** Feed events waiting to be delivered now; 0 when nothing is queued (direct). */
    default int queuedEvents() {
        return 0;
    }

    /** The dispatcher's own thread, or null when it has none (direct) or has not started one yet. */
    @Nullable Thread thread();

    static EventDispatcher of(Dispatch dispatch, ListenerGuard listener, StatsCounters stats, int clientNumber) {
        if (dispatch instanceof Dispatch.Bounded bounded) {
            return new BoundedDispatcher(bounded, listener, stats, "jvq-dispatch-" + clientNumber);
        }
        return new DirectDispatcher(listener);
    }
}
