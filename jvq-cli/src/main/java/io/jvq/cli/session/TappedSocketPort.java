package io.jvq.cli.session;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** A socket port that shows every frame, both ways, to a {@link FrameTap} on its way through. */
public final class TappedSocketPort implements SocketPort {
    private final SocketPort inner;
    private final FrameTap tap;

    public TappedSocketPort(SocketPort inner, FrameTap tap) {
        this.inner = inner;
        this.tap = tap;
    }

    @Override
    public CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener) {
        // "opened" must precede the connection's first frame, whichever thread gets there first
        AtomicBoolean opened = new AtomicBoolean();
        Runnable open = () -> {
            if (opened.compareAndSet(false, true)) {
                tap.opened();
            }
        };
        SocketListener tapped = new SocketListener() {
            @Override
            public void onText(String text) {
                open.run();
                tap.receivedText(text);
                listener.onText(text);
            }

            @Override
            public void onBinary(ByteBuffer message) {
                open.run();
                tap.receivedBinary(message.asReadOnlyBuffer());
                listener.onBinary(message);
            }

            @Override
            public void onPong() {
                listener.onPong();
            }

            @Override
            public void onClose(int code, String reason) {
                open.run();
                tap.closed(code, reason);
                listener.onClose(code, reason);
            }

            @Override
            public void onError(Throwable error) {
                open.run();
                tap.closed(-1, String.valueOf(error.getMessage()));
                listener.onError(error);
            }
        };
        return inner.connect(request, tapped).thenApply(connection -> {
            open.run();
            return new TappedConnection(connection);
        });
    }

    @Override
    public void close() {
        inner.close();
    }

    private final class TappedConnection implements SocketConnection {
        private final SocketConnection inner;

        TappedConnection(SocketConnection inner) {
            this.inner = inner;
        }

        @Override
        public CompletableFuture<Void> sendText(String text) {
            tap.sent(text);
            return inner.sendText(text);
        }

        @Override
        public void sendPing() {
            inner.sendPing();
        }

        @Override
        public void close(int code, String reason) {
            inner.close(code, reason);
        }

        @Override
        public void abort() {
            inner.abort();
        }
    }
}
