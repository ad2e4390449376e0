package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.QuoteLevel;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * One connection attempt and, once the upgrade succeeds, the connection itself: its socket, its
 * decoder, the commands it has not had answered and its liveness timers.
 *
 * <p>The receive path runs forward through here, on the adapter's thread: a frame is counted,
 * decoded, and each record counted and passed on to the downstream sink (events for the listener,
 * or the user's flyweight sink), then the frame's end ({@link QuoteSink#onFrameEnd}), once, here
 * for every transport. The one check is whether this link is still the session's
 * current one: the session retires it, under its lock, the moment it is replaced or the client
 * closes, and a retired link takes nothing in, not even the rest of a frame being decoded. What it
 * turns away is counted ({@link ClientStats#undeliveredRecords()}, {@link ClientStats#undeliveredFrames()})
 * and reported once per link: nothing received disappears without a number.
 *
 * <p>The link also tells the session's clocks what the network is doing: when it last spoke
 * ({@link #lastSeenNanos}), whether the reader is held by the listener or a blocking hand-off right
 * now ({@link #holdingReader}: frames may be waiting behind it, so it is not silence), and when the
 * first quote frame arrived (which proves the connection good, {@link ReconnectPolicy}).
 */
final class Link implements SocketListener, QuoteSink {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());
    final long generation;
    final String server;
    /** Guarded by the session's lock. */
    final ReplyQueue replies = new ReplyQueue();

    private final ClientSession session;
    private final FrameDecoder decoder;
    private final QuoteSink downstream;
    private final StatsCounters stats;
    private final LongSupplier clock;
    private volatile @Nullable SocketConnection connection;
    private volatile long lastSeenNanos;
    /** True while the adapter's reader is in here, decoding and delivering (possibly blocked downstream). */
    private volatile boolean holdingReader;
    private volatile boolean retired;
    /** Reader thread: a quote record of this link has been passed on; the session hears of the first, once. */
    private boolean quoteSeen;
    private boolean quoteFrameReported;
    /** Which of the client's connections this is, 1 for the first; set when it goes live (under the session's lock). */
    private volatile long connectionNumber;
    /** Reader thread: the sink has heard {@link QuoteSink#onConnected} for this link. */
    private boolean connectedAnnounced;
    /** Reader thread: records and frames turned away because the link was retired; reported once. */
    private long undeliveredRecords;
    private long undeliveredFrames;
    private boolean undeliveredReported;
    /** Guarded by this: a retired link's decoder is closed once no frame is being decoded. */
    private boolean decoding;
    /** Guarded by this. */
    private SessionScheduler.Cancellable pingTimer = SessionScheduler.Cancellable.NONE;
    /** Guarded by this. */
    private SessionScheduler.Cancellable idleTimer = SessionScheduler.Cancellable.NONE;
    /** Guarded by this. */
    private SessionScheduler.Cancellable stableTimer = SessionScheduler.Cancellable.NONE;
    /** Records with extra fields this link's decoder has counted so far (decoding thread). */
    private long extraFieldsCounted;

    Link(ClientSession session, long generation, String server, int maxInflatedBytes, QuoteSink downstream,
         StatsCounters stats, LongSupplier clock) {
        this.session = session;
        this.generation = generation;
        this.server = server;
        this.decoder = new FrameDecoder(maxInflatedBytes);
        this.downstream = downstream;
        this.stats = stats;
        this.clock = clock;
    }

    void attach(SocketConnection connection, long connectionNumber) {
        this.connectionNumber = connectionNumber;
        this.connection = connection;
        touch();
    }

    /** The open socket, or null before the upgrade completed. */
    @Nullable SocketConnection connection() {
        return connection;
    }

    /**
     * Under the session's lock: sends {@code chunks} as text frames, each queued for its reply;
     * {@code failed} hears of a send that fails (the command's verb and the error).
     */
    void send(List<Command> chunks, @Nullable CompletableFuture<String> reply, BiConsumer<String, Throwable> failed) {
        SocketConnection open = connection;
        for (Command chunk : chunks) {
            replies.sent(chunk, reply);
            CompletableFuture<Void> written;
            try {
                if (open == null) {
                    throw new IllegalStateException("sent before the connection opened");
                }
                written = open.sendText(chunk.encode());
            } catch (RuntimeException e) {
                written = CompletableFuture.failedFuture(e);
            }
            if (written != null) {
                written.whenComplete((ok, error) -> {
                    if (error != null) {
                        failed.accept(chunk.verb().wire(), error);
                    }
                });
            }
        }
    }

    /** When the network last spoke on this link (or the reader last let go of a frame), on the session's clock. */
    long lastSeenNanos() {
        return lastSeenNanos;
    }

    /**
     * True while the reader is decoding a frame or delivering it: a slow listener or a blocking
     * hand-off holds it, and what the server sends meanwhile waits in the socket. Not silence.
     */
    boolean holdingReader() {
        return holdingReader;
    }

    private void touch() {
        lastSeenNanos = clock.getAsLong();
    }

    boolean retired() {
        return retired;
    }

    synchronized void pingTimer(SessionScheduler.Cancellable timer) {
        pingTimer = replace(pingTimer, timer);
    }

    synchronized void idleTimer(SessionScheduler.Cancellable timer) {
        idleTimer = replace(idleTimer, timer);
    }

    synchronized void stableTimer(SessionScheduler.Cancellable timer) {
        stableTimer = replace(stableTimer, timer);
    }

    private SessionScheduler.Cancellable replace(SessionScheduler.Cancellable old, SessionScheduler.Cancellable timer) {
        old.cancel();
        if (retired) {
            timer.cancel();
        }
        return timer;
    }

    /**
     * The link is over: it takes nothing more in, its timers stop, and its decoder is released
     * (now, or by the frame being decoded when it ends). Idempotent.
     */
    synchronized void retire() {
        if (retired) {
            return;
        }
        retired = true;
        pingTimer.cancel();
        idleTimer.cancel();
        stableTimer.cancel();
        if (!decoding) {
            decoder.close();
        }
    }

    // ---- from the adapter -------------------------------------------------------------------

    @Override
    public void onBinary(ByteBuffer frame) {
        boolean turnedAway;
        synchronized (this) {
            turnedAway = retired;
            decoding = !retired;
        }
        if (turnedAway) {
            undeliveredFrames++;
            stats.undeliveredFrames.increment();
            reportUndelivered();
            return;
        }
        holdingReader = true;
        touch();
        stats.frameReceived(frame.remaining());
        try {
            if (!connectedAnnounced) {
                // on the reader thread, before the connection's first record: a sink numbering records per connection starts over
                connectedAnnounced = true;
                downstream.onConnected(connectionNumber, server);
            }
            decoder.decode(frame, this);
            if (!retired) {
                downstream.onFrameEnd();
            }
        } finally {
            long extra = decoder.extraFieldRecords();
            stats.frameDecoded(decoder.inflatedBytes(), extra - extraFieldsCounted);
            extraFieldsCounted = extra;
            letGoOfReader();
            boolean ended;
            synchronized (this) {
                decoding = false;
                ended = retired;
                if (ended) {
                    decoder.close();
                }
            }
            if (ended) {
                reportUndelivered();
            }
        }
        if (quoteSeen && !quoteFrameReported && !retired) {
            quoteFrameReported = true;
            session.onQuoteFrame(this);
        }
    }

    @Override
    public void onText(String text) {
        if (!retired) {
            holdingReader = true;
            touch();
            try {
                session.onText(this, text);
            } finally {
                letGoOfReader();
            }
        }
    }

    /** The reader is free again: the time it was held (by a slow listener, say) does not count as silence. */
    private void letGoOfReader() {
        touch();
        holdingReader = false;
    }

    /** Reader thread, once the link is retired: says once what it turned away (it is counted in any case). */
    private void reportUndelivered() {
        if (undeliveredReported || undeliveredRecords + undeliveredFrames == 0) {
            return;
        }
        undeliveredReported = true;
        long records = undeliveredRecords;
        long frames = undeliveredFrames;
        // After close() the user asked for it (counted, not news); before, the feed lost them and someone should look.
        LOG.log(session.isClosed() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, () -> "jvq: " + this
                + " ended with " + records + " records of a frame and " + frames + " later frames not delivered"
                + " (counted in stats().undeliveredRecords() and undeliveredFrames())");
    }

    @Override
    public void onPong() {
        if (!retired) {
            touch();
        }
    }

    @Override
    public void onClose(int code, @Nullable String reason) {
        session.onClosed(this, code, reason);
    }

    @Override
    public void onError(Throwable error) {
        session.onFailed(this, error);
    }

    // ---- from the decoder -------------------------------------------------------------------

    @Override
    public void onLevel1(Level1View quote) {
        if (accepted()) {
            stats.record(QuoteLevel.LV1, quote.timeOfDayMillis());
            downstream.onLevel1(quote);
        }
    }

    @Override
    public void onTrade(TradeView trade) {
        if (accepted()) {
            stats.record(QuoteLevel.LV2, trade.timeOfDayMillis());
            downstream.onTrade(trade);
        }
    }

    @Override
    public void onLevel10(Level10View book) {
        if (accepted()) {
            stats.record(QuoteLevel.LV10, book.timeOfDayMillis());
            downstream.onLevel10(book);
        }
    }

    /** A quote record of the frame being decoded: true to pass it on, false (and counted) once retired. */
    private boolean accepted() {
        if (retired) {
            undeliveredRecords++;
            stats.undeliveredRecords.increment();
            return false;
        }
        quoteSeen = true;
        return true;
    }

    @Override
    public void onError(DecodeError error) {
        if (!retired) {
            stats.decodeError(error);
            downstream.onError(error);
        }
    }

    @Override
    public void onNotice(DecodeNotice notice) {
        if (!retired) {
            downstream.onNotice(notice);
        }
    }

    @Override
    public String toString() {
        return "Link[#" + generation + " " + server + "]";
    }
}
