package io.jvq.transport.jdk;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketRequest;
import io.jvq.core.wire.CloseFrames;
import io.jvq.core.wire.SerialSocketListener;
import io.jvq.core.wire.Timeouts;
import io.jvq.core.wire.TokenScrubber;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket on the JDK client: the {@link WebSocket.Listener} the JDK calls and the
 * {@link SocketConnection} the core holds.
 *
 * <p>Reading is pulled: one message part is requested at a time, and the next only once the
 * listener has returned, so a listener that holds the reader stops the socket being read (TCP then
 * pushes back on the server) instead of messages queueing in memory. The JDK calls the listener
 * on its executor's threads, one call at a time; close timers, abort and the port's close report
 * from this port's control thread, hence the {@link SerialSocketListener}.
 */
final class JdkSocketConnection implements SocketConnection, WebSocket.Listener {
    private static final System.Logger LOG = System.getLogger(JdkSocketConnection.class.getName());
    /** The JDK's own handshake timeout fires this much after ours, only to free the socket. */
    private static final Duration BACKSTOP = Duration.ofSeconds(1);
    /** How long our close frame waits for the server's before the TCP connection is dropped. */
    static final Duration CLOSE_HANDSHAKE = Duration.ofSeconds(2);

    private final SocketRequest request;
    private final String redactedUri;
    private final TokenScrubber scrubber;
    private final SerialSocketListener listener;
    private final ScheduledExecutorService control;
    private final MessageAssembly binary;
    private final StringBuilder text = new StringBuilder();
    private final SendChain sends = new SendChain();
    private final CompletableFuture<SocketConnection> opened = new CompletableFuture<>();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile @Nullable WebSocket webSocket;
    private volatile int closeCode;
    private volatile String closeReason = "";

    JdkSocketConnection(SocketRequest request, SocketListener listener, ScheduledExecutorService control,
                        Runnable whenFinished) {
        this.request = request;
        this.redactedUri = request.redactedUri();
        this.scrubber = TokenScrubber.of(request.uri());
        this.listener = new SerialSocketListener(listener, redactedUri, whenFinished);
        this.control = control;
        this.binary = new MessageAssembly(request.maxMessageBytes());
        // A connect that failed, timed out or was cancelled leaves nothing behind and reports nothing.
        opened.whenComplete((connection, error) -> {
            if (error != null) {
                this.listener.mute();
                WebSocket socket = webSocket;
                if (socket != null) {
                    socket.abort();
                }
            }
        });
    }

    CompletableFuture<SocketConnection> opened() {
        return opened;
    }

    /** Starts the opening handshake on {@code http}; {@link #opened()} tells how it went. */
    void open(HttpClient http) {
        ScheduledFuture<?> timer = control.schedule(() -> opened.completeExceptionally(
                        Timeouts.connect(redactedUri, request.connectTimeout())),
                Timeouts.millis(request.connectTimeout()), TimeUnit.MILLISECONDS);
        CompletableFuture<WebSocket> handshake;
        try {
            handshake = http.newWebSocketBuilder()
                    .connectTimeout(request.connectTimeout().plus(BACKSTOP))
                    .buildAsync(request.uri(), this);
        } catch (IllegalArgumentException e) {
            timer.cancel(false);
            opened.completeExceptionally(new IllegalArgumentException("cannot open WebSocket " + redactedUri
                    + ": " + scrubber.message(e)));
            return;
        }
        handshake.whenComplete((socket, error) -> {
            timer.cancel(false);
            if (error != null) {
                opened.completeExceptionally(connectFailure(error));
            } else {
                upgraded(socket);
            }
        });
    }

    private void upgraded(WebSocket socket) {
        webSocket = socket;
        // Completing before the first request means whatever the caller chained on the connect
        // future has run before any message reaches the listener.
        if (opened.complete(this)) {
            socket.request(1);
        } else {
            socket.abort();
        }
    }

    private Throwable connectFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WebSocketHandshakeException refused) {
            return new IOException("WebSocket connect to " + redactedUri + " refused: HTTP "
                    + refused.getResponse().statusCode());
        }
        return scrubber.io("WebSocket connect to " + redactedUri + " failed", cause);
    }

    /** The port is closing with this connection open: drop it; a close we started ends as that close. */
    void portClosed() {
        opened.completeExceptionally(new IllegalStateException("the JDK socket port was closed"));
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.abort();
        }
        if (closeRequested.get()) {
            listener.closed(closeCode, closeReason);
        } else {
            listener.failed(new IOException("WebSocket " + redactedUri + " dropped: the socket port was closed"));
        }
    }

    // ---- the JDK's side --------------------------------------------------------------------------

    @Override
    public void onOpen(WebSocket socket) {
        // No request here: the first one waits until the connect future has completed (upgraded).
        webSocket = socket;
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        if (text.length() + data.length() > request.maxMessageBytes()) {
            // A char is at least one byte in UTF-8: more chars than the limit is more bytes than it.
            tooBig(socket);
            return null;
        }
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            listener.text(message);
        }
        socket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        if (last && !binary.started()) {
            if (data.remaining() > request.maxMessageBytes()) {
                tooBig(socket);
                return null;
            }
            // A message in one part goes on as it came: valid until this method returns, as the listener expects.
            listener.binary(data);
        } else if (!binary.append(data)) {
            tooBig(socket);
            return null;
        } else if (last) {
            listener.binary(binary.take());
        }
        socket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
        // The JDK answers with a pong of the same payload by itself.
        socket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
        listener.pong();
        socket.request(1);
        return null;
    }

    /** The server's close frame; the JDK answers it with a close frame of its own once this returns. */
    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        listener.closed(statusCode, reason);
        return null;
    }

    /** An I/O or protocol error, or the TCP connection ending without a close frame. */
    @Override
    public void onError(WebSocket socket, Throwable error) {
        listener.failed(scrubber.io("WebSocket " + redactedUri + " failed", error));
    }

    private void tooBig(WebSocket socket) {
        socket.abort();
        listener.failed(new IOException("WebSocket " + redactedUri + " sent a message over maxMessageBytes = "
                + request.maxMessageBytes()));
    }

    // ---- the core's side -------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> sendText(String message) {
        Objects.requireNonNull(message, "text");
        WebSocket socket = Objects.requireNonNull(webSocket, "sendText before the connection opened");
        return sends.then(() -> socket.sendText(message, true))
                .handle((ignored, error) -> {
                    if (error != null) {
                        throw new CompletionException(scrubber.io("sending a text message on " + redactedUri + " failed",
                                error instanceof CompletionException && error.getCause() != null ? error.getCause() : error));
                    }
                    return null;
                });
    }

    @Override
    public void sendPing() {
        WebSocket socket = webSocket;
        if (socket == null) {
            return;
        }
        sends.then(() -> socket.sendPing(ByteBuffer.allocate(0))).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "ping on " + redactedUri + " not sent: " + scrubber.message(error));
            }
        });
    }

    /**
     * Sends the close frame after whatever is queued before it; the connection ends when the
     * server answers, or {@link #CLOSE_HANDSHAKE} later when it does not, reported as this close.
     */
    @Override
    public void close(int code, String reason) {
        CloseFrames.check(code, reason);
        if (!JdkCloseCodes.sendable(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent by the JDK's WebSocket client: "
                    + JdkCloseCodes.REFUSED);
        }
        WebSocket socket = webSocket;
        if (socket == null || listener.finished() || !closeRequested.compareAndSet(false, true)) {
            return;
        }
        closeCode = code;
        closeReason = reason == null ? "" : reason;
        sends.then(() -> socket.sendClose(code, closeReason)).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing " + redactedUri + " failed: " + scrubber.message(error));
            }
        });
        try {
            control.schedule(this::closeUnanswered, CLOSE_HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The port is closed and has dropped the connection, reporting this close.
            closeUnanswered();
        }
    }

    private void closeUnanswered() {
        if (!listener.finished()) {
            WebSocket socket = webSocket;
            if (socket != null) {
                socket.abort();
            }
            listener.closed(closeCode, closeReason);
        }
    }

    @Override
    public void abort() {
        WebSocket socket = webSocket;
        if (socket != null) {
            // The JDK reports nothing after an abort: the failure is ours to report.
            socket.abort();
        }
        IOException aborted = new IOException("WebSocket " + redactedUri + " aborted by the client");
        runOnControl(() -> listener.failed(aborted));
    }

    private void runOnControl(Runnable task) {
        try {
            control.execute(task);
        } catch (RejectedExecutionException e) {
            // The port is closed, and has dropped this connection: nothing is waiting for the timer.
            task.run();
        }
    }

    @Override
    public String toString() {
        return "JdkSocketConnection[" + redactedUri + "]";
    }
}
