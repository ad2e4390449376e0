package io.jvq.transport.tyrus;

import org.glassfish.tyrus.spi.ClientEngine;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.Writer;

import java.io.IOException;

/**
 * The grip on one connection's TCP transport that the Jakarta API does not give: the Grizzly
 * container's timeout handler (before the upgrade) and its {@link Writer} (after it). Closing
 * either shuts the connection's private Grizzly transport down at once, with no close frame:
 * that is how {@link TyrusConnection#abort()} and the connect timeout drop a connection.
 * It also sees the bytes the server sends, for the {@link CloseFrameSpotter}.
 */
final class TransportHandle {
    /** Key of this object in the {@code ClientEndpointConfig} user properties. */
    static final String PROPERTY = TransportHandle.class.getName();

    private final CloseFrameSpotter closeFrames = new CloseFrameSpotter();
    private volatile ClientEngine.TimeoutHandler timeoutHandler;
    private volatile Writer writer;
    private volatile boolean dropped;

    void timeoutHandler(ClientEngine.TimeoutHandler handler) {
        this.timeoutHandler = handler;
        if (dropped) {
            drop();
        }
    }

    void writer(Writer writer) {
        this.writer = writer;
        if (dropped) {
            drop();
        }
    }

    /** The connection Tyrus reads through, with the server's bytes shown to the spotter first. */
    Connection watch(Connection connection) {
        ReadHandler reader = connection.getReadHandler();
        ReadHandler watched = data -> {
            closeFrames.scan(data);
            reader.handle(data);
        };
        return new Connection() {
            @Override
            public ReadHandler getReadHandler() {
                return watched;
            }

            @Override
            public Writer getWriter() {
                return connection.getWriter();
            }

            @Override
            public CloseListener getCloseListener() {
                return connection.getCloseListener();
            }

            @Override
            public void close(jakarta.websocket.CloseReason reason) {
                connection.close(reason);
            }
        };
    }

    /** True once the server sent a close frame. */
    boolean peerSentClose() {
        return closeFrames.closeSeen();
    }

    /** Drops the TCP connection (or the attempt to make one) without a closing handshake. */
    void drop() {
        dropped = true;
        Writer current = writer;
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                // The transport is going away either way; nothing is left to report to.
                Log.LOG.debug("closing the Grizzly writer failed: {}", e.toString());
            }
            return;
        }
        ClientEngine.TimeoutHandler handler = timeoutHandler;
        if (handler != null) {
            handler.handleTimeout();
        }
    }
}
