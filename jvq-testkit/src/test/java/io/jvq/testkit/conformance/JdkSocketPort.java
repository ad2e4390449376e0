package io.jvq.testkit.conformance;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A socket adapter on the JDK's {@link java.net.http.WebSocket}, written for the testkit's own run
 * of the conformance suite. Sends are chained (the JDK refuses a send while another is pending),
 * messages are requested one at a time only after the upgrade has been handed to the caller, and
 * the JDK's locally made 1006 "close" (no close frame was received) is reported as an error.
 */
public final class JdkSocketPort implements SocketPort {
    private final ExecutorService executor = NamedThreads.cachedPool("jdk-websocket");
    private volatile HttpClient http = HttpClient.newBuilder().executor(executor).build();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    @Override
    public CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener) {
        HttpClient client = http;
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the socket port is closed"));
        }
        Receiver receiver = new Receiver(listener, request.maxMessageBytes());
        CompletableFuture<SocketConnection> result = new CompletableFuture<>();
        client.newWebSocketBuilder().connectTimeout(request.connectTimeout()).buildAsync(request.uri(), receiver)
                .whenComplete((webSocket, error) -> {
                    if (error != null) {
                        result.completeExceptionally(describe(request, error));
                        return;
                    }
                    Connection connection = new Connection(webSocket, receiver);
                    receiver.connection = connection;
                    open.add(connection);
                    // The caller sees the connection before the first message is asked for.
                    result.complete(connection);
                    webSocket.request(1);
                });
        return result;
    }

    private static Throwable describe(SocketRequest request, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WebSocketHandshakeException refused) {
            return new IOException("upgrade to " + request.redactedUri() + " refused with HTTP "
                    + refused.getResponse().statusCode(), cause);
        }
        return new IOException("connecting to " + request.redactedUri() + " failed: " + cause, cause);
    }

    @Override
    public void close() {
        for (Connection connection : open) {
            connection.abort();
        }
        open.clear();
        http = null;
        executor.shutdownNow();
    }

    private final class Connection implements SocketConnection {
        private volatile WebSocket webSocket;
        private final Receiver receiver;
        /** Every send waits for the previous one. */
        private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

        Connection(WebSocket webSocket, Receiver receiver) {
            this.webSocket = webSocket;
            this.receiver = receiver;
        }

        private synchronized CompletableFuture<Void> chain(Function<WebSocket, CompletableFuture<WebSocket>> send) {
            WebSocket ws = webSocket;
            if (ws == null) {
                return CompletableFuture.failedFuture(new IOException("connection is closed"));
            }
            CompletableFuture<Void> next = sends.handle((ignored, previousError) -> null)
                    .thenCompose(ignored -> send.apply(ws)).thenApply(ignored -> null);
            sends = next;
            return next;
        }

        @Override
        public CompletableFuture<Void> sendText(String text) {
            return chain(ws -> ws.sendText(text, true));
        }

        @Override
        public void sendPing() {
            chain(ws -> ws.sendPing(ByteBuffer.allocate(0)));
        }

        @Override
        public void close(int code, String reason) {
            chain(ws -> ws.sendClose(code, reason));
        }

        @Override
        public void abort() {
            WebSocket ws = webSocket;
            if (ws != null) {
                ws.abort();
            }
            ended();
            receiver.terminate(() -> receiver.listener.onError(new IOException("connection aborted by the client")));
        }

        void ended() {
            webSocket = null;
            open.remove(this);
        }
    }

    private static final class Receiver implements WebSocket.Listener {
        /** What the JDK reports, with no close frame received, when the connection just ends. */
        private static final int ABNORMAL_CLOSURE = 1006;
        final SocketListener listener;
        private final int maxMessageBytes;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private final AtomicBoolean terminated = new AtomicBoolean();
        volatile Connection connection;

        Receiver(SocketListener listener, int maxMessageBytes) {
            this.listener = listener;
            this.maxMessageBytes = maxMessageBytes;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            // Nothing is requested here: connect() asks for the first message once the caller has the connection.
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (text.length() > maxMessageBytes) {
                tooLarge(webSocket, text.length());
                return null;
            }
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (!terminated.get()) {
                    listener.onText(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (binary.size() + (long) data.remaining() > maxMessageBytes) {
                tooLarge(webSocket, binary.size() + (long) data.remaining());
                return null;
            }
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                ByteBuffer message = ByteBuffer.wrap(binary.toByteArray());
                binary.reset();
                if (!terminated.get()) {
                    listener.onBinary(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            if (!terminated.get()) {
                listener.onPong();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended();
            if (statusCode == ABNORMAL_CLOSURE) {
                terminate(() -> listener.onError(new IOException("connection dropped without a close frame")));
            } else {
                terminate(() -> listener.onClose(statusCode, reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended();
            terminate(() -> listener.onError(error));
        }

        private void tooLarge(WebSocket webSocket, long size) {
            webSocket.abort();
            ended();
            terminate(() -> listener.onError(new IOException("message of " + size
                    + " bytes or more exceeds maxMessageBytes " + maxMessageBytes)));
        }

        void terminate(Runnable report) {
            if (terminated.compareAndSet(false, true)) {
                report.run();
            }
        }

        private void ended() {
            Connection c = connection;
            if (c != null) {
                c.ended();
            }
        }
    }
}
