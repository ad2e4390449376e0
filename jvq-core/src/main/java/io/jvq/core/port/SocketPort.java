package io.jvq.core.port;

import java.util.concurrent.CompletableFuture;

/**
 * Port: a WebSocket client. One implementation per technology (Tyrus, Vert.x, …); all of them
 * pass the testkit's conformance suite.
 */
public interface SocketPort extends AutoCloseable {

    /**
     * Opens a WebSocket to {@code request.uri()}. Completes with the connection once the upgrade
     * succeeded, or fails (connect timeout, refused upgrade, I/O error). After completion the
     * adapter calls {@code listener} for every message, one call at a time per connection,
     * and finally exactly one of {@link SocketListener#onClose} / {@link SocketListener#onError}.
     * Adapters must never log the URI: it holds the token.
     */
    CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener);

    /** Releases what the adapter owns (threads, event loops, clients). Idempotent. */
    @Override
    default void close() {
    }
}
