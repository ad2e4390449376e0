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

/**
 * Receives a client's events. Override the typed methods you care about, or {@link #onEvent}
 * to see everything. Callbacks come one at a time. With {@link Dispatch#direct()} (the default)
 * quote callbacks run on the connection's reader thread in the order received, and connection
 * events may come from the client's own thread; with {@link Dispatch#bounded} every callback runs
 * on the client's dispatch thread, in the order the events happened.
 * A method that throws does not break the connection: the failure comes back as
 * {@link #onListenerFailure}.
 */
public interface QuoteListener {

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
}
