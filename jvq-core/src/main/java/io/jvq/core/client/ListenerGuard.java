package io.jvq.core.client;

import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.QuoteEvent;

/**
 * Calls the user's listener so that its failures cannot hurt the client: an exception comes
 * back to the listener as a {@link ListenerFailure}, and one thrown from that report is logged.
 * Errors count too (a listener's own {@code assert} throws {@link AssertionError}): escaping
 * into the client's thread they would end the task that discovers or reconnects, and the client
 * would stop trying for good. Only a {@link VirtualMachineError} is let through.
 * Counts the quotes it hands over.
 */
final class ListenerGuard {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());

    private final QuoteListener listener;
    private final StatsCounters stats;

    ListenerGuard(QuoteListener listener, StatsCounters stats) {
        this.listener = listener;
        this.stats = stats;
    }

    void deliver(JvqEvent event) {
        if (event instanceof QuoteEvent) {
            stats.quoteEvents.increment();
        }
        try {
            listener.onEvent(event);
        } catch (Throwable error) {
            rethrowIfFatal(error);
            stats.listenerFailures.increment();
            report(event, error);
        }
    }

    /** The end of a frame; a failure is counted and logged, as there is no event to report it with. */
    void frameEnd() {
        try {
            listener.onFrameEnd();
        } catch (Throwable error) {
            rethrowIfFatal(error);
            stats.listenerFailures.increment();
            LOG.log(System.Logger.Level.WARNING, "quote listener threw at the end of a frame", error);
        }
    }

    private void report(JvqEvent event, Throwable error) {
        try {
            listener.onEvent(new ListenerFailure(event, error));
        } catch (Throwable again) {
            rethrowIfFatal(again);
            // Both the event and its failure report threw: logging is all that is left.
            LOG.log(System.Logger.Level.WARNING, "quote listener threw on " + event.getClass().getSimpleName()
                    + " (" + error.getClass().getName() + ") and again on the ListenerFailure report", again);
        }
    }

    private static void rethrowIfFatal(Throwable error) {
        if (error instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }
}
