package io.jvq.transport.vertx;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketRequest;
import io.jvq.core.wire.CloseFrames;
import io.jvq.core.wire.Timeouts;
import io.jvq.core.wire.TokenScrubber;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket on Vert.x, from the connect attempt to the terminal callback.
 * <p>
 * Everything Vert.x reports for it runs on one event-loop context, so listener calls never
 * overlap. The listener hears nothing before {@link #opened()} completes, and after that exactly
 * one of {@code onClose} (a close frame arrived) or {@code onError} (anything else ended it).
 */
final class VertxSocketConnection implements SocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(VertxSocketConnection.class);

    private enum State { CONNECTING, OPEN, FAILED, ENDED }

    private final ClientWebSocket webSocket;
    private final SocketListener listener;
    private final String redactedUri;
    private final Context context;
    private final TokenScrubber scrubber;
    private final CompletableFuture<SocketConnection> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> channelClosed = new CompletableFuture<>();
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    /** Written on the context only. */
    private State state = State.CONNECTING;
    /** Set once the upgrade succeeded; read by {@link #abort()} from any thread. */
    private volatile WebSocket connected;
    private volatile boolean aborted;

    VertxSocketConnection(ClientWebSocket webSocket, SocketListener listener, SocketRequest request,
                          Context context) {
        this.webSocket = webSocket;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.redactedUri = request.redactedUri();
        this.scrubber = TokenScrubber.of(request.uri());
        this.context = context;
        // Handlers go in before connect(): Vert.x installs them before it reads the first frame.
        webSocket.textMessageHandler(this::onText)
                .binaryMessageHandler(this::onBinary)
                .pongHandler(payload -> onPong())
                .endHandler(ignored -> onCloseFrame())
                .exceptionHandler(this::onException)
                .closeHandler(ignored -> onChannelClosed());
    }

    /** Completes once the upgrade succeeded; fails on refusal, I/O error or timeout. */
    CompletableFuture<SocketConnection> opened() {
        return opened;
    }

    /** Completes after Vert.x's last callback for this connection (the TCP connection is gone). */
    CompletableFuture<Void> channelClosed() {
        return channelClosed;
    }

    /** Starts the attempt; runs on {@link #context}, which {@code connect} then adopts for every callback. */
    void open(WebSocketConnectOptions options, Duration timeout) {
        long timer = context.owner().setTimer(Math.max(1, timeout.toMillis()), id -> onConnectTimeout(timeout));
        webSocket.connect(options).onComplete(result -> {
            context.owner().cancelTimer(timer);
            if (result.succeeded()) {
                onUpgraded(result.result());
            } else {
                onConnectFailed(result.cause());
            }
        });
    }

    private void onUpgraded(WebSocket socket) {
        connected = socket;
        if (state != State.CONNECTING) {
            // Too late: the caller has been told it timed out, nobody will use this socket.
            dropChannel(socket);
            return;
        }
        state = State.OPEN;
        opened.complete(this);
    }

    private void onConnectFailed(Throwable cause) {
        if (state == State.CONNECTING) {
            state = State.FAILED;
            opened.completeExceptionally(scrubber.io("WebSocket connect to " + redactedUri + " failed", cause));
        }
    }

    private void onConnectTimeout(Duration timeout) {
        if (state == State.CONNECTING) {
            state = State.FAILED;
            opened.completeExceptionally(Timeouts.connect(redactedUri, timeout));
        }
    }

    private void onText(String text) {
        if (state == State.OPEN) {
            try {
                listener.onText(text);
            } catch (RuntimeException e) {
                listenerFailed("onText", e);
            }
        }
    }

    private void onBinary(Buffer message) {
        if (state == State.OPEN) {
            try {
                listener.onBinary(view(message));
            } catch (RuntimeException e) {
                listenerFailed("onBinary", e);
            }
        }
    }

    /** The message's bytes without a copy (see {@link VertxInternals#view}). */
    static ByteBuffer view(Buffer message) {
        return VertxInternals.view(message);
    }

    private void onPong() {
        if (state == State.OPEN) {
            try {
                listener.onPong();
            } catch (RuntimeException e) {
                listenerFailed("onPong", e);
            }
        }
    }

    /** A close frame arrived (Vert.x answers it itself); it comes after every message before it. */
    private void onCloseFrame() {
        if (state == State.OPEN) {
            state = State.ENDED;
            Short code = webSocket.closeStatusCode();
            String reason = webSocket.closeReason();
            try {
                listener.onClose(code == null ? 1005 : code, reason == null ? "" : reason);
            } catch (RuntimeException e) {
                listenerFailed("onClose", e);
            }
        }
    }

    /**
     * Anything Vert.x reports as an exception on an open connection ends it: an I/O error, a
     * protocol error, a message over the size limit (which Vert.x drops and reports here), or the
     * TCP connection closing without a close frame.
     */
    private void onException(Throwable cause) {
        if (state != State.OPEN) {
            LOG.debug("after the end of a WebSocket connection: {}", cause.toString());
            return;
        }
        state = State.ENDED;
        notifyError(describe(cause));
        WebSocket socket = connected;
        if (socket != null && !socket.isClosed()) {
            dropChannel(socket);
        }
    }

    private void onChannelClosed() {
        if (state == State.OPEN) {
            // Vert.x reports a close without close frame as an exception first; this is a backstop.
            state = State.ENDED;
            notifyError(new IOException("WebSocket " + redactedUri + " closed without a close frame"));
        }
        channelClosed.complete(null);
    }

    private Throwable describe(Throwable cause) {
        if (cause instanceof HttpClosedException) {
            return new IOException(aborted
                    ? "WebSocket " + redactedUri + " aborted by the client"
                    : "WebSocket " + redactedUri + " lost: the connection closed without a close frame");
        }
        return scrubber.io("WebSocket " + redactedUri + " failed", cause);
    }

    private void notifyError(Throwable error) {
        try {
            listener.onError(error);
        } catch (RuntimeException e) {
            listenerFailed("onError", e);
        }
    }

    private static void listenerFailed(String method, RuntimeException e) {
        LOG.warn("SocketListener.{} threw; the connection goes on", method, e);
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        Objects.requireNonNull(text, "text");
        CompletableFuture<Void> sent = new CompletableFuture<>();
        webSocket.writeTextMessage(text).onComplete(result -> {
            if (result.succeeded()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(scrubber.io("sending a text message on " + redactedUri + " failed",
                        result.cause()));
            }
        });
        return sent;
    }

    @Override
    public void sendPing() {
        webSocket.writePing(Buffer.buffer()).onFailure(e -> LOG.debug("ping on {} not sent: {}", redactedUri, e.toString()));
    }

    @Override
    public void close(int code, String reason) {
        CloseFrames.check(code, reason);
        if (closeStarted.compareAndSet(false, true)) {
            webSocket.close((short) code, reason)
                    .onFailure(e -> LOG.debug("closing {}: {}", redactedUri, e.toString()));
        }
    }

    /**
     * Closes the TCP connection under Vert.x: no close frame is sent and none is awaited.
     * Vert.x 5 has no public call for that: {@code close()} always starts the closing handshake
     * and waits up to the closing timeout, and even {@code channel().close()} passes through
     * Vert.x's handler, which turns it into a close frame. Closing from Vert.x's own handler
     * context (internal API, see {@link VertxInternals#dropChannel}) goes past it
     * straight to the socket. The listener then hears {@code onError}.
     */
    @Override
    public void abort() {
        aborted = true;
        WebSocket socket = connected;
        if (socket != null) {
            dropChannel(socket);
        }
    }

    private static void dropChannel(WebSocket socket) {
        VertxInternals.dropChannel(socket);
    }

    @Override
    public String toString() {
        return "VertxSocketConnection[" + redactedUri + "]";
    }
}
