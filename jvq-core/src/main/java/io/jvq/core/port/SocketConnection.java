package io.jvq.core.port;

import java.util.concurrent.CompletableFuture;

/** An open WebSocket, as handed out by {@link SocketPort#connect}. */
public interface SocketConnection {

    /**
     * Sends a text frame; completes when written, fails when the connection cannot take it.
     *
     * @throws NullPointerException at once when {@code text} is null (a bug, not a connection fault)
     */
    CompletableFuture<Void> sendText(String text);

    /** Sends a ping; the answer arrives as {@link SocketListener#onPong()}. Never blocks. */
    void sendPing();

    /**
     * Starts the closing handshake. Idempotent; never blocks.
     *
     * @throws IllegalArgumentException when {@code code} may not be sent or {@code reason} is over
     *         123 UTF-8 bytes ({@link io.jvq.core.wire.CloseFrames}); nothing is sent then
     */
    void close(int code, String reason);

    /** Drops the connection at once, with no closing handshake (a dead peer will not answer). Never blocks. */
    void abort();
}
