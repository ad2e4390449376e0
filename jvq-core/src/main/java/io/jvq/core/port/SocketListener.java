package io.jvq.core.port;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;

/**
 * What a {@link SocketPort} adapter reports for one connection. Calls for one connection never
 * overlap. The buffer passed to {@link #onBinary} is only valid during the call.
 */
public interface SocketListener {

    /** A complete text message (continuation fragments already joined). */
    void onText(String text);

    /** A complete binary message (continuation fragments already joined). */
    void onBinary(ByteBuffer message);

    /** A pong answering {@link SocketConnection#sendPing()}. */
    void onPong();

    /** The peer closed the connection with a close frame; {@code reason} may be null or empty. Terminal. */
    void onClose(int code, @Nullable String reason);

    /** The connection failed (I/O error, cut without a close frame, protocol error). Terminal. */
    void onError(Throwable error);
}
