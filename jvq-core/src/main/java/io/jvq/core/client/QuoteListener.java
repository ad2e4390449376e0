package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.DispatchEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.ServerText;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives a client's events. Override the typed methods you care about, or {@link #onEvent}
 * to see everything. Callbacks come one at a time, always: never two at once, connection events
 * included. With {@link Dispatch#direct()} (the default) quote callbacks run on the connection's
 * reader thread in the order received, and connection events may come from the client's own
 * thread, or from the reader thread right after the callback it was in (an event that happens
 * while a callback runs waits for it to return); with {@link Dispatch#bounded} every callback runs
 * on the client's dispatch thread, in the order the events happened.
 * A method that throws does not break the connection: the failure comes back as
 * {@link #onListenerFailure}. {@link #onFrameEnd} marks the end of each frame's events, for
 * listeners that batch.
 *
 * <p>For one kind of event a lambda will do:
 * <pre>{@code
 * QuoteListener listener = QuoteListener.onTrades(trade -> book.apply(trade))
 *         .andThen(QuoteListener.onConnectionEvents(event -> log.info(event.toString())));
 * }</pre>
 */
public interface QuoteListener {

    /** A listener for every event, as one lambda. */
    static QuoteListener onEvents(Consumer<? super JvqEvent> action) {
        Objects.requireNonNull(action, "action");
        return new QuoteListener() {
            @Override
            public void onEvent(JvqEvent event) {
                action.accept(event);
            }
        };
    }

    /** A listener for level-2 trades only. */
    static QuoteListener onTrades(Consumer<? super Level2Trade> action) {
        return onEvents(only(Level2Trade.class, action));
    }

    /** A listener for level-1 snapshots only. */
    static QuoteListener onLevel1Quotes(Consumer<? super Level1Quote> action) {
        return onEvents(only(Level1Quote.class, action));
    }

    /** A listener for ten-level books only. */
    static QuoteListener onLevel10Books(Consumer<? super Level10Book> action) {
        return onEvents(only(Level10Book.class, action));
    }

    /** A listener for connection events only (connecting, connected, disconnected, …). */
    static QuoteListener onConnectionEvents(Consumer<? super ConnectionEvent> action) {
        return onEvents(only(ConnectionEvent.class, action));
    }

    /** A listener for decode errors only. */
    static QuoteListener onDecodeErrors(Consumer<? super DecodeError> action) {
        return onEvents(only(DecodeError.class, action));
    }

    /**
     * This listener, then {@code next}, for every event. If this one throws, {@code next} does
     * not see that event (the client reports the failure to both, as a {@code ListenerFailure}).
     */
    default QuoteListener andThen(QuoteListener next) {
        Objects.requireNonNull(next, "next");
        QuoteListener first = this;
        return new QuoteListener() {
            @Override
            public void onEvent(JvqEvent event) {
                first.onEvent(event);
                next.onEvent(event);
            }

            @Override
            public void onFrameEnd() {
                first.onFrameEnd();
                next.onFrameEnd();
            }
        };
    }

    private static <T extends JvqEvent> Consumer<JvqEvent> only(Class<T> type, Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return event -> {
            if (type.isInstance(event)) {
                action.accept(type.cast(event));
            }
        };
    }

    /** Entry point for every event; by default routes to the typed methods below. */
    default void onEvent(JvqEvent event) {
        if (event instanceof Level2Trade trade) {
            onTrade(trade);
        } else if (event instanceof Level1Quote quote) {
            onLevel1(quote);
        } else if (event instanceof Level10Book book) {
            onLevel10(book);
        } else if (event instanceof ServerText text) {
            onServerText(text);
        } else if (event instanceof DecodeError error) {
            onDecodeError(error);
        } else if (event instanceof DecodeNotice notice) {
            onDecodeNotice(notice);
        } else if (event instanceof ConnectionEvent change) {
            onConnectionEvent(change);
        } else if (event instanceof DispatchEvent news) {
            onDispatchEvent(news);
        } else if (event instanceof ListenerFailure failure) {
            onListenerFailure(failure);
        }
    }

    default void onLevel1(Level1Quote quote) {
    }

    default void onTrade(Level2Trade trade) {
    }

    default void onLevel10(Level10Book book) {
    }

    default void onServerText(ServerText text) {
    }

    default void onDecodeError(DecodeError error) {
    }

    /** The feed had something undocumented but harmless (extra fields): once per connection and record kind. */
    default void onDecodeNotice(DecodeNotice notice) {
    }

    default void onConnectionEvent(ConnectionEvent event) {
    }

    /** The bounded hand-off started or stopped dropping events (only with {@link Dispatch#bounded}). */
    default void onDispatchEvent(DispatchEvent event) {
    }

    default void onListenerFailure(ListenerFailure failure) {
    }

    /**
     * The binary frame whose quotes and decode errors were just delivered has ended: called once
     * per frame, after its last event, on the thread that delivered them (the reader thread with
     * {@link Dispatch#direct()}, the dispatch thread with {@link Dispatch#bounded}), so that a
     * listener that batches (a buffered writer, a batch of inserts) can flush once per frame
     * rather than per event. Server text and connection events are not part of a frame. A frame
     * whose events were all dropped by a bounded dispatcher still ends. If this throws, the
     * failure is counted and logged (there is no event to report it with) and the feed goes on.
     * Ignored by default.
     */
    default void onFrameEnd() {
    }
}
