package io.jvq.cli.session;

import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/** In-memory discovery and socket ports: the test plays the server. */
final class ScriptedPorts {
    final ConcurrentLinkedQueue<DiscoveryReply> replies = new ConcurrentLinkedQueue<>();
    final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    final List<String> discoveryUris = new CopyOnWriteArrayList<>();

    final DiscoveryPort discovery = new DiscoveryPort() {
        @Override
        public CompletableFuture<DiscoveryReply> discover(DiscoveryRequest request) {
            discoveryUris.add(request.uri().toString());
            DiscoveryReply reply = replies.poll();
            return CompletableFuture.completedFuture(reply != null ? reply
                    : new DiscoveryReply("0", "127.0.0.1:9/quote", "{\"code\":\"0\",\"server\":\"127.0.0.1:9/quote\"}"));
        }
    };

    final SocketPort socket = new SocketPort() {
        @Override
        public CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener) {
            Connection connection = new Connection(listener);
            connections.add(connection);
            return CompletableFuture.completedFuture(connection);
        }
    };

    Connection awaitConnection() throws InterruptedException {
        Connection connection = connections.poll(10, TimeUnit.SECONDS);
        if (connection == null) {
            throw new AssertionError("the client did not connect within 10 s");
        }
        return connection;
    }

    /** The server's side of one connection. */
    static final class Connection implements SocketConnection {
        final SocketListener listener;
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();

        Connection(SocketListener listener) {
            this.listener = listener;
        }

        String takeSent(Duration timeout) throws InterruptedException {
            String text = sent.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("the client sent nothing within " + timeout);
            }
            return text;
        }

        /** Quote lines as one raw-DEFLATE binary frame. */
        void pushQuotes(String lines) {
            listener.onBinary(ByteBuffer.wrap(deflate(lines)));
        }

        void pushText(String text) {
            listener.onText(text);
        }

        /** The server ends the connection with a close frame. */
        void serverCloses(int code, String reason) {
            listener.onClose(code, reason);
        }

        void pushBytes(byte[] bytes) {
            listener.onBinary(ByteBuffer.wrap(bytes));
        }

        @Override
        public CompletableFuture<Void> sendText(String text) {
            sent.add(text);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void sendPing() {
            listener.onPong();
        }

        @Override
        public void close(int code, String reason) {
            listener.onClose(code, reason);
        }

        @Override
        public void abort() {
            listener.onError(new java.io.IOException("aborted"));
        }
    }

    static byte[] deflate(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            byte[] out = new byte[text.length() * 2 + 64];
            int n = deflater.deflate(out);
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }
}
