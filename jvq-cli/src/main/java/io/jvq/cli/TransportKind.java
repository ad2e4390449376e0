package io.jvq.cli;

/** {@code --transport}: which WebSocket and HTTP stack carries the connection. */
public enum TransportKind {
    /** Vert.x core: socket and discovery on one event loop. */
    VERTX,
    /** Tyrus (Jakarta WebSocket) for the socket, the JDK's HttpClient for discovery. */
    TYRUS,
    /** The JDK's own {@code java.net.http} WebSocket and HttpClient: no framework at all. */
    JDK;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
