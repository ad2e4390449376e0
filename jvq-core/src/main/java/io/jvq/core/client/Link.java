package io.jvq.core.client;

import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ScheduledFuture;

/**
 * One connection attempt and, once the upgrade succeeds, the connection itself: its socket, its
 * decoder, the commands it has not had answered and its liveness timers. The adapter calls it
 * for every message; it forwards to the session, which ignores a link that is no longer current.
 */
final class Link implements SocketListener {
    final long generation;
    final String server;
    /** Guarded by the session's lock. */
    final ReplyQueue replies = new ReplyQueue();
    /** Guarded by the session's lock. */
    ScheduledFuture<?> pingTask;
    /** Guarded by the session's lock. */
    ScheduledFuture<?> idleTask;

    private final ClientSession session;
    private final FrameDecoder decoder;
    private final QuoteSink sink;
    private volatile SocketConnection connection;
    private volatile long lastSeenNanos;
    /** Guarded by this: a retired link's decoder is closed once no frame is being decoded. */
    private boolean decoding;
    private volatile boolean retired;
    /** Where records with extra fields are counted; and how many this link has counted so far (decoding thread). */
    private final LongAdder extraFieldRecords;
    private long extraFieldsCounted;

    Link(ClientSession session, long generation, String server, int maxInflatedBytes, QuoteSink sink,
         LongAdder extraFieldRecords) {
        this.extraFieldRecords = extraFieldRecords;
        this.session = session;
        this.generation = generation;
        this.server = server;
        this.decoder = new FrameDecoder(maxInflatedBytes);
        this.sink = sink;
    }

    void attach(SocketConnection connection) {
        this.connection = connection;
        touch();
    }

    /** The open socket, or null before the upgrade completed. */
    SocketConnection connection() {
        return connection;
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    void touch() {
        lastSeenNanos = System.nanoTime();
    }

    boolean retired() {
        return retired;
    }

    /**
     * Decodes one frame into the session. Runs on the adapter's thread; the decoder is closed
     * here instead if the link was retired meanwhile (even by a listener during this very frame).
     * Returns the bytes the frame inflated to (0 when it was not decoded).
     */
    int decode(ByteBuffer frame) {
        synchronized (this) {
            if (retired) {
                return 0;
            }
            decoding = true;
        }
        try {
            decoder.decode(frame, sink);
            return decoder.inflatedBytes();
        } finally {
            long extra = decoder.extraFieldRecords();
            if (extra != extraFieldsCounted) {
                extraFieldRecords.add(extra - extraFieldsCounted);
                extraFieldsCounted = extra;
            }
            synchronized (this) {
                decoding = false;
                if (retired) {
                    decoder.close();
                }
            }
        }
    }

    /** The link is over: no more frames are decoded, and the decoder is released. Idempotent. */
    void retire() {
        synchronized (this) {
            if (retired) {
                return;
            }
            retired = true;
            if (!decoding) {
                decoder.close();
            }
        }
    }

    @Override
    public void onText(String text) {
        session.onText(this, text);
    }

    @Override
    public void onBinary(ByteBuffer message) {
        session.onFrame(this, message);
    }

    @Override
    public void onPong() {
        session.onPong(this);
    }

    @Override
    public void onClose(int code, String reason) {
        session.onClosed(this, code, reason);
    }

    @Override
    public void onError(Throwable error) {
        session.onFailed(this, error);
    }

    @Override
    public String toString() {
        return "Link[#" + generation + " " + server + "]";
    }
}
