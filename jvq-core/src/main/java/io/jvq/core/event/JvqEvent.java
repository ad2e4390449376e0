package io.jvq.core.event;

/**
 * Everything a client delivers to its listener: quotes, server replies, decode errors,
 * connection state changes, news from a bounded hand-off and listener failures.
 */
public sealed interface JvqEvent
        permits QuoteEvent, ServerText, DecodeError, DecodeNotice, ConnectionEvent, DispatchEvent, ListenerFailure {
}
