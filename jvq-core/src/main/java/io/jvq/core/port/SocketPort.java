package io.jvq.core.port;

import java.util.concurrent.CompletableFuture;

/**
 * Port: a WebSocket client. One implementation per technology (Tyrus, Vert.x, …); all of them
 * pass the testkit's {@code SocketPortContract} and conformance suite.
 */
public interface SocketPort extends AutoCloseable {

    /**
     * Opens a WebSocket to {@code request.uri()}. Completes with the connection once the upgrade
     * succeeded, or fails (refused upgrade, I/O error; a connect timeout as a
     * {@link java.net.SocketTimeoutException}, see {@link io.jvq.core.wire.Timeouts}), never
     * showing the token ({@link io.jvq.core.wire.TokenScrubber}). After completion the
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
