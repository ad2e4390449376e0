package io.jvq.core.client;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

/**
 * An in-memory WebSocket port. Each connect creates a {@link FakeConnection} that the test
 * drives as the server would: accept or refuse the upgrade, push text and binary frames, close
 * or fail. Pushes run the client's callbacks on the calling (test) thread.
 */
final class FakeSocketPort implements SocketPort {

    /** What a new connect does: accept at once, refuse, or wait for the test to decide. */
    enum Upgrade { ACCEPT, REFUSE, HOLD }

    private final List<FakeConnection> connections = new ArrayList<>();
    private volatile Upgrade upgrade = Upgrade.ACCEPT;
    private volatile boolean answerPings;
    private volatile boolean closed;

    void onConnect(Upgrade upgrade) {
        this.upgrade = upgrade;
    }

    /** Connections opened from now on answer every ping with a pong, as a live server does. */
    void answerPings() {
        answerPings = true;
    }

    @Override
    public CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener) {
        FakeConnection connection = new FakeConnection(request, listener);
        connection.answerPings = answerPings;
        synchronized (connections) {
            connections.add(connection);
        }
        switch (upgrade) {
            case ACCEPT -> connection.accept();
            case REFUSE -> connection.refuse(new IOException("connection refused by the fake"));
            case HOLD -> {
            }
        }
        return connection.upgrade;
    }

    List<FakeConnection> connections() {
        synchronized (connections) {
            return List.copyOf(connections);
        }
    }

    int connectionCount() {
        return connections().size();
    }

    /**
     * The {@code n}-th connection (1-based), once the client has asked for it. The upgrade may
     * not have been handled yet: before acting as the server, wait for the client's Connected.
     */
    FakeConnection awaitConnection(int n) {
        Await.until("connection #" + n, () -> connectionCount() >= n, () -> connectionCount() + " so far");
        return connections().get(n - 1);
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** Deflates text as the server does (raw DEFLATE, no header). */
    static byte[] deflate(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    static final class FakeConnection implements SocketConnection {
        final SocketRequest request;
        final SocketListener listener;
        final CompletableFuture<SocketConnection> upgrade = new CompletableFuture<>();
        private final List<String> sent = new ArrayList<>();
        private final AtomicInteger pings = new AtomicInteger();
        private volatile boolean answerPings;
        private volatile boolean failSends;
        private volatile boolean aborted;
        private volatile int closeCode = -1;

        FakeConnection(SocketRequest request, SocketListener listener) {
            this.request = request;
            this.listener = listener;
        }

        void accept() {
            upgrade.complete(this);
        }

        void refuse(Throwable error) {
            upgrade.completeExceptionally(error);
        }

        /** Every later send fails, as on a broken socket. */
        void failSends() {
            failSends = true;
        }

        // ---- the server's side --------------------------------------------------------------

        void pushText(String text) {
            listener.onText(text);
        }

        void pushBinary(byte[] frame) {
            listener.onBinary(ByteBuffer.wrap(frame));
        }

        /** One frame holding these lines, joined by newlines and deflated. */
        void pushLines(String... lines) {
            pushBinary(deflate(String.join("\n", lines)));
        }

        void serverClose(int code, String reason) {
            listener.onClose(code, reason);
        }

        void fail(Throwable error) {
            listener.onError(error);
        }

        // ---- what the client did ------------------------------------------------------------

        List<String> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }

        /** The client's first {@code n} commands, once it has sent that many. */
        List<String> awaitSent(int n) {
            Await.until(n + " commands", () -> sent().size() >= n, () -> "sent so far: " + sent());
            return sent().subList(0, n);
        }

        int pings() {
            return pings.get();
        }

        boolean aborted() {
            return aborted;
        }

        /** The close code the client sent, or -1. */
        int closeCode() {
            return closeCode;
        }

        // ---- SocketConnection ---------------------------------------------------------------

        @Override
        public CompletableFuture<Void> sendText(String text) {
            if (failSends) {
                return CompletableFuture.failedFuture(new IOException("broken pipe"));
            }
            synchronized (sent) {
                sent.add(text);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void sendPing() {
            pings.incrementAndGet();
            if (answerPings) {
                listener.onPong();
            }
        }

        /** Like a real adapter, reports the end of the connection to the listener. */
        @Override
        public void close(int code, String reason) {
            if (closeCode == -1) {
                closeCode = code;
                listener.onClose(code, reason);
            }
        }

        @Override
        public void abort() {
            if (!aborted) {
                aborted = true;
                listener.onError(new IOException("aborted"));
            }
        }

        @Override
        public String toString() {
            return "FakeConnection[" + request.redactedUri() + "]";
        }
    }
}
