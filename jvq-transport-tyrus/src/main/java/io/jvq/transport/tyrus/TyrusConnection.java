package io.jvq.transport.tyrus;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketRequest;
import io.jvq.core.wire.CloseFrames;
import io.jvq.core.wire.SerialSocketListener;
import io.jvq.core.wire.Timeouts;
import io.jvq.core.wire.TokenScrubber;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket: the Jakarta {@link Endpoint} Tyrus calls, and the {@link SocketConnection} the
 * core holds. Tyrus calls the endpoint on a thread of this connection's own Grizzly transport
 * (its selector thread once the upgrade succeeded, a worker before), one task at a time; close
 * and abort run on the port's control thread, so that a listener calling {@code close} from a
 * callback is never re-entered.
 */
final class TyrusConnection extends Endpoint implements SocketConnection {
    private final SocketRequest request;
    private final TokenScrubber scrubber;
    private final SerialSocketListener listener;
    private final CompletableFuture<SocketConnection> opened = new CompletableFuture<>();
    private final TransportHandle transport = new TransportHandle();
    private final Executor control;
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile Session session;
    private volatile Throwable tyrusError;
    private volatile IOException abortedWith;

    TyrusConnection(SocketRequest request, SocketListener listener, Executor control, Runnable whenFinished) {
        this.request = request;
        this.scrubber = TokenScrubber.of(request.uri());
        this.listener = new SerialSocketListener(listener, request.redactedUri(), whenFinished);
        this.control = control;
        // A connect that failed, timed out or was cancelled must leave nothing behind and report nothing.
        opened.whenComplete((connection, error) -> {
            if (error != null) {
                this.listener.mute();
                transport.drop();
            }
        });
    }

    CompletableFuture<SocketConnection> opened() {
        return opened;
    }

    TransportHandle transport() {
        return transport;
    }

    // ---- Tyrus side --------------------------------------------------------------------------

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.setMaxBinaryMessageBufferSize(request.maxMessageBytes());
        session.setMaxTextMessageBufferSize(request.maxMessageBytes());
        session.setMaxIdleTimeout(0);
        session.addMessageHandler(String.class, listener::text);
        session.addMessageHandler(ByteBuffer.class, listener::binary);
        session.addMessageHandler(PongMessage.class, pong -> listener.pong());
        // Completing here, on the thread that will deliver the first message, means whatever the
        // caller chained on the connect future runs before any message reaches the listener.
        opened.complete(this);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        int code = reason.getCloseCode().getCode();
        String phrase = reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase();
        if (abortedWith != null) {
            listener.failed(abortedWith);
        } else if (closeRequested.get() || transport.peerSentClose()) {
            listener.closed(code, phrase);
        } else if (tyrusError != null) {
            listener.failed(tyrusError);
        } else if (code == CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode()) {
            listener.failed(new IOException("WebSocket " + request.redactedUri() + " was cut without a close frame"));
        } else {
            // Tyrus gave up on the connection itself and reported it as if the server had closed.
            listener.failed(new IOException("WebSocket " + request.redactedUri() + " closed by Tyrus: " + code
                    + " " + phrase + sizeHint(code, phrase)));
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        Throwable reported = scrubber.scrubbed(error);
        tyrusError = reported;
        Log.LOG.debug("WebSocket {} failed: {}", request.redactedUri(), reported.toString());
        // Tyrus normally closes the session after an error and onClose reports it; if it did not
        // (or already had), report the error here rather than lose it.
        runOnControl(() -> {
            Session current = this.session;
            if (current == null || !current.isOpen()) {
                listener.failed(reported);
            }
        });
    }

    /** The connect call failed on the connect thread. */
    void connectFailed(Throwable error) {
        IOException failure = new IOException("WebSocket connect to " + request.redactedUri() + " failed: "
                + describe(error), scrubber.scrubbed(error));
        if (!opened.completeExceptionally(failure) && !opened.isCompletedExceptionally()) {
            // The upgrade got through just as Tyrus gave up on it: the connection is unusable.
            transport.drop();
            listener.failed(failure);
        }
    }

    /** The connect timer fired. */
    void connectTimedOut() {
        opened.completeExceptionally(Timeouts.connect(request.redactedUri(), request.connectTimeout()));
    }

    /**
     * The port is closing with this connection still open. A connection already closing is left
     * to its close task, which the control thread still runs: the server gets its close frame.
     */
    void portClosed() {
        if (closeRequested.get()) {
            return;
        }
        IOException failure = new IOException("WebSocket " + request.redactedUri()
                + " dropped: the socket port was closed");
        if (!opened.completeExceptionally(failure)) {
            transport.drop();
            listener.failed(failure);
        }
    }

    // ---- core side ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> sendText(String text) {
        Objects.requireNonNull(text, "text");
        if (closeRequested.get() || listener.finished()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("WebSocket " + request.redactedUri() + " is closed"));
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            session.getAsyncRemote().sendText(text, result -> {
                if (result.isOK()) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(scrubber.scrubbed(result.getException()));
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(scrubber.scrubbed(e));
        }
        return sent;
    }

    @Override
    public void sendPing() {
        if (closeRequested.get() || listener.finished()) {
            return;
        }
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            // A connection that cannot take a ping is dying; its terminal callback tells the rest.
            Log.LOG.debug("ping on {} not sent: {}", request.redactedUri(), scrubber.scrub(e.toString()));
        }
    }

    @Override
    public void close(int code, String reason) {
        CloseReason closeReason = closeReason(code, reason);
        if (!closeRequested.compareAndSet(false, true) || listener.finished()) {
            return;
        }
        runOnControl(() -> {
            try {
                // Tyrus sends the close frame, reports the close to onClose and shuts the
                // transport; it does not wait for the peer's answer.
                session.close(closeReason);
            } catch (IOException | RuntimeException e) {
                Log.LOG.debug("closing {} failed: {}", request.redactedUri(), scrubber.scrub(e.toString()));
                transport.drop();
            }
            // Tyrus skips onClose when the socket was already closing; the listener still hears of it.
            listener.closed(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
        });
    }

    @Override
    public void abort() {
        IOException aborted = new IOException("WebSocket " + request.redactedUri() + " aborted by the client");
        runOnControl(() -> {
            abortedWith = aborted;
            // Dropping makes Tyrus report a close at once, on this thread; onClose maps it to this error.
            transport.drop();
            listener.failed(aborted);
        });
    }

    private void runOnControl(Runnable task) {
        try {
            control.execute(task);
        } catch (RejectedExecutionException e) {
            // The port is closed: do it here; dropping a transport does not wait for anything.
            task.run();
        }
    }

    /** Tyrus says "Buffer overflow." (one frame) or 1009 (a joined message) when a message is too big. */
    private String sizeHint(int code, String phrase) {
        boolean tooBig = code == CloseReason.CloseCodes.TOO_BIG.getCode() || phrase.toLowerCase(Locale.ROOT).contains("overflow");
        return tooBig ? " (a message over maxMessageBytes = " + request.maxMessageBytes() + ")" : "";
    }

    private static CloseReason closeReason(int code, String reason) {
        CloseFrames.check(code, reason);
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason == null ? "" : reason);
    }

    private String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
            if (text.indexOf(part) < 0) {
                if (text.length() > 0) {
                    text.append(" / ");
                }
                text.append(part);
            }
        }
        return scrubber.scrub(text.toString());
    }

    @Override
    public String toString() {
        return "TyrusConnection[" + request.redactedUri() + "]";
    }
}
