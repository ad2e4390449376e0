package io.jvq.testkit;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.DataFormatException;

/**
 * A bare JDK WebSocket client for testing the fake itself: it records every message, close, error
 * and pong in arrival order.
 */
final class WsProbe implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    sealed interface Message {
    }

    record Text(String text) implements Message {
    }

    record Binary(byte[] bytes) implements Message {
        String inflated() {
            try {
                return new String(RawDeflate.inflate(bytes, 64L << 20), StandardCharsets.UTF_8);
            } catch (DataFormatException e) {
                throw new AssertionError("binary frame does not inflate as raw DEFLATE", e);
            }
        }
    }

    record Closed(int code, String reason) implements Message {
    }

    record Failed(Throwable error) implements Message {
    }

    record Pong() implements Message {
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ws-probe");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().executor(executor).build();
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private WebSocket socket;

    /** Connects to {@code uri} (path and query included), failing the test when the upgrade fails. */
    static WsProbe connect(URI uri) {
        WsProbe probe = new WsProbe();
        try {
            probe.socket = probe.open(uri).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return probe;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            probe.close();
            throw new AssertionError("could not connect", e);
        }
    }

    /** Connects to {@code server}'s fresh WebSocket URL with its token. */
    static WsProbe connect(FakeJvQuant server) {
        return connect(URI.create(server.webSocketUrl() + "?token=" + server.token()));
    }

    /** Tries to connect and returns the HTTP status of the refused upgrade. */
    static int refusedStatus(URI uri) {
        WsProbe probe = new WsProbe();
        try {
            WebSocket ws = probe.open(uri).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            ws.abort();
            throw new AssertionError("upgrade to " + uri.getPath() + " was accepted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ? e.getCause().getCause() : e.getCause();
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("upgrade failed for another reason", cause);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            probe.close();
        }
    }

    private CompletableFuture<WebSocket> open(URI uri) {
        return http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, new Recorder());
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void ping() {
        socket.sendPing(ByteBuffer.wrap(new byte[]{1})).join();
    }

    /** The next message of any kind. */
    Message next(Duration timeout) {
        try {
            Message m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("nothing received within " + timeout);
            }
            return m;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next message, or null when nothing arrives within {@code timeout}. */
    Message poll(Duration timeout) {
        try {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    String nextText() {
        Message m = next(WAIT);
        if (m instanceof Text t) {
            return t.text();
        }
        throw new AssertionError("expected a text frame, got " + m);
    }

    Binary nextBinary() {
        Message m = next(WAIT);
        if (m instanceof Binary b) {
            return b;
        }
        throw new AssertionError("expected a binary frame, got " + m);
    }

    /** Sends a command and returns the one text reply. */
    String command(String command) {
        send(command);
        return nextText();
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        executor.shutdownNow();
    }

    private final class Recorder implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(new Text(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                messages.add(new Binary(binary.toByteArray()));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            messages.add(new Pong());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            messages.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            messages.add(new Failed(error));
        }
    }
}
