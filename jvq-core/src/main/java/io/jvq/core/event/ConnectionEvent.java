package io.jvq.core.event;

/**
 * Changes in the client's connection. Server addresses in these events never carry the token.
 */
public sealed interface ConnectionEvent extends JvqEvent {

    /** Asking the discovery service for a server address, before connection attempt {@code attempt}. */
    record Discovering(int attempt) implements ConnectionEvent {
    }

    /** Opening a WebSocket to {@code server} (host:port/path, no token). */
    record Connecting(int attempt, String server) implements ConnectionEvent {
    }

    /** Connected to {@code server}; the subscription has been sent with {@code all=}. */
    record Connected(String server) implements ConnectionEvent {
    }

    /**
     * The connection ended or could not be made.
     *
     * @param closeCode the WebSocket close code, or -1 when there was none (a failure or a cut)
     * @param reason    why, for people (redacted)
     */
    record Disconnected(int closeCode, String reason) implements ConnectionEvent {
    }

    /**
     * Discovery refused, or the server closed the connection with code 1008 or 4000-4999, in a way
     * retrying cannot heal (the token is invalid, expired or not entitled, as the
     * {@code RefusalClassifier} judged): the client stops trying and stays stopped until closed.
     * Delivered once; after a close, a {@link Disconnected} with the close code comes first.
     * Passing refusals are reported as {@link Disconnected} instead.
     *
     * @param code   the discovery reply's code, or the close code
     * @param reason what the server said, decoded (token redacted)
     */
    record Refused(String code, String reason) implements ConnectionEvent {
    }

    /** The next attempt starts in {@code delayMillis}. */
    record ReconnectScheduled(int attempt, long delayMillis) implements ConnectionEvent {
    }

    /** {@link io.jvq.core.client.JvqClient#close()} was called; nothing follows. */
    record Closed() implements ConnectionEvent {
    }
}
