package io.jvq.cli.session;

import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.StatusLog;
import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.port.SocketPort;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run of a client from start to stop, as {@code stream}, {@code record} and {@code demo}
 * do it: subscribe, start, print every event, and stop after the duration, after the quote
 * limit, on Ctrl-C, when stdout goes away, when the client stops on a fatal discovery refusal
 * (a wrong token does not heal by retrying), or when it has been without a connection for the
 * give-up time. Everything else, passing refusals included, the client rides out by reconnecting.
 */
public final class QuoteSession {

    /** Why a session ended. */
    public enum End {
        DURATION, LIMIT,
        /** Stopped from inside (a recording that cannot be written). */
        INTERRUPTED,
        /** Ctrl-C. */
        SIGNALLED,
        OUTPUT_CLOSED, REFUSED,
        /** No connection for the give-up time. */
        GAVE_UP
    }

    /**
     * How a session ended, and what it saw.
     *
     * @param refusal the refusal that ended the session, for the error message; null otherwise
     */
    public record Outcome(End end, SessionStats stats, Refusal refusal) {
    }

    /**
     * Discovery said no: its code and what it said, with the token hidden; or the WebSocket server
     * closed with a refusal (a close code, the client's account of it, and no URL: {@code redactedUrl} null).
     */
    public record Refusal(String code, String message, String redactedUrl) {
    }

    private final ClientOptions options;
    private final List<SubscriptionCode> codes;
    private final Duration duration;
    private final long limit;
    private final EventPrinter printer;
    private final StatusLog log;
    private final SessionStats stats = new SessionStats();
    private final AtomicLong quotes = new AtomicLong();
    private final AtomicReference<End> end = new AtomicReference<>();
    private final AtomicReference<Refusal> refusal = new AtomicReference<>();
    /** The refusal that stopped the client, fixed when Refused arrives: a later event cannot undo it. */
    private final AtomicReference<Refusal> stoppedBy = new AtomicReference<>();
    private volatile StopSignal signal;
    private QuoteSink quoteSink;
    private volatile GiveUpTimer giveUp = new GiveUpTimer(null, () -> { });

    /**
     * @param duration how long to run; null for no limit
     * @param limit    how many quote events to print before stopping; 0 for no limit
     */
    public QuoteSession(ClientOptions options, List<SubscriptionCode> codes, Duration duration, long limit,
                        EventPrinter printer, StatusLog log) {
        this.options = Objects.requireNonNull(options, "options");
        this.codes = List.copyOf(codes);
        this.duration = duration;
        this.limit = limit;
        this.printer = printer;
        this.log = log;
    }

    /** Ends the session once it has gone {@code after} without a connection; null (the default) never does. */
    public QuoteSession giveUpAfter(Duration after) {
        this.giveUp = new GiveUpTimer(after, () -> stop(End.GAVE_UP));
        return this;
    }

    /**
     * Quotes go to {@code sink} as views, on the client's zero-allocation path, rather than to the
     * printer as events (which still prints everything else); for the Kafka bridge.
     */
    public QuoteSession quotesTo(QuoteSink sink) {
        this.quoteSink = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** The give-up time; null when the session never gives up. */
    public Duration giveUpAfter() {
        return giveUp.after();
    }

    public SessionStats stats() {
        return stats;
    }

    /** Ends the session from outside (a recording that cannot be written); idempotent. */
    public void interrupt() {
        stop(End.INTERRUPTED);
    }

    /**
     * Runs the client over {@code socket} and {@code discovery} (which the session closes) until
     * one of the stop conditions, then hands the outcome to {@code report} (the summary) before
     * returning it, Ctrl-C included. {@code tap} sees every frame (recording); may be null.
     */
    public Outcome run(SocketPort socket, DiscoveryPort discovery, FrameTap tap, Consumer<Outcome> report)
            throws InterruptedException {
        FrameTap taps = tap == null ? stats : FrameTap.of(stats, new Gate(tap));
        Listener listener = new Listener();
        JvqClient.Builder builder = JvqClient.builder()
                .options(options)
                .socket(new TappedSocketPort(socket, taps))
                .discovery(new WatchedDiscoveryPort(discovery, this::refused))
                .listener(listener);
        if (quoteSink != null) {
            builder.quoteSink(new Quotes(quoteSink, listener));
        }
        JvqClient client = builder.build();
        // closed after the report: a Ctrl-C hook waits for that, or the JVM would halt before the summary
        try (StopSignal stopSignal = new StopSignal(); GiveUpTimer timer = giveUp) {
            signal = stopSignal;
            if (end.get() != null) {
                stopSignal.stop();
            }
            try {
                client.subscribe(codes);
                timer.disconnected();
                client.start();
                stopSignal.await(duration);
                stop(stopSignal.interrupted() ? End.SIGNALLED : End.DURATION);
            } finally {
                stop(End.INTERRUPTED);
                client.close();
                printer.close();
                stats.end();
            }
            Outcome outcome = new Outcome(end.get(), stats, end.get() == End.REFUSED ? stoppedBy.get() : null);
            report.accept(outcome);
            return outcome;
        }
    }

    private void stop(End why) {
        if (end.compareAndSet(null, why)) {
            StopSignal current = signal;
            if (current != null) {
                current.stop();
            }
        }
    }

    /** Remembers the latest refusal, for the message if the client calls it fatal; the client decides. */
    private void refused(DiscoveryRequest request, DiscoveryReply reply) {
        refusal.set(new Refusal(reply.code(), DiscoveryMessages.message(reply), request.redactedUri()));
    }

    /** Passes frames on until the session ends: the closing handshake of our own close is not news. */
    private final class Gate implements FrameTap {
        private final FrameTap inner;

        Gate(FrameTap inner) {
            this.inner = inner;
        }

        @Override
        public void opened() {
            if (end.get() == null) {
                inner.opened();
            }
        }

        @Override
        public void receivedText(String text) {
            if (end.get() == null) {
                inner.receivedText(text);
            }
        }

        @Override
        public void receivedBinary(ByteBuffer frame) {
            if (end.get() == null) {
                inner.receivedBinary(frame);
            }
        }

        @Override
        public void sent(String text) {
            if (end.get() == null) {
                inner.sent(text);
            }
        }

        @Override
        public void closed(int code, String reason) {
            if (end.get() == null) {
                inner.closed(code, reason);
            }
        }
    }

    private final class Listener implements QuoteListener {
        @Override
        public void onFrameEnd() {
            if (end.get() == null && !printer.endOfFrame()) {
                stop(End.OUTPUT_CLOSED);
            }
        }

        @Override
        public void onEvent(JvqEvent event) {
            if (event instanceof ConnectionEvent change) {
                if (change instanceof ConnectionEvent.Connected) {
                    giveUp.connected();
                    refusal.set(null); // a discovery refusal before this connection is not what may stop it
                } else if (change instanceof ConnectionEvent.Disconnected) {
                    giveUp.disconnected();
                } else if (change instanceof ConnectionEvent.Refused refused) {
                    // The discovery refusal that came just before, if it is the one; else the server
                    // closed the connection with this one (no URL behind it).
                    Refusal discovered = refusal.get();
                    stoppedBy.compareAndSet(null, discovered != null && discovered.code().equals(refused.code())
                            ? discovered : new Refusal(refused.code(), refused.reason(), null));
                    stop(End.REFUSED);
                }
                stats.count(change);
                if (end.get() == null || !endsAConnection(change)) {
                    // once the session has ended, the close it causes is not news; a late Connected is
                    log.connection(change);
                }
                return;
            }
            if (event instanceof ListenerFailure failure) {
                log.listenerFailure(failure);
                return;
            }
            if (event instanceof DecodeNotice notice) {
                log.notice(notice);
                return;
            }
            if (!EventWriter.isData(event) || end.get() != null) {
                return;
            }
            long n = event instanceof QuoteEvent ? nextQuote() : -1;
            if (n == 0) {
                return;
            }
            stats.count(event);
            if (!printer.print(event)) {
                stop(End.OUTPUT_CLOSED);
            } else if (n > 0) {
                passedOn(n);
            }
        }
    }

    /** The quote number of a quote that may be passed on, or 0 when the session has ended or the limit is reached. */
    private long nextQuote() {
        if (end.get() != null) {
            return 0;
        }
        long n = quotes.incrementAndGet();
        return limit > 0 && n > limit ? 0 : n;
    }

    /** Quote number {@code n} was passed on: the session ends when that was the limit. */
    private void passedOn(long n) {
        if (limit > 0 && n == limit) {
            stop(End.LIMIT);
        }
    }

    /**
     * The quotes as views, for a {@link #quotesTo sink} (the Kafka bridge), under the rules the
     * printed quotes follow: counted, none once the session has ended or past the limit; decode
     * errors and notices go where the listener sends them.
     */
    private final class Quotes implements QuoteSink {
        private final QuoteSink sink;
        private final Listener listener;

        Quotes(QuoteSink sink, Listener listener) {
            this.sink = sink;
            this.listener = listener;
        }

        @Override
        public void onLevel1(Level1View quote) {
            long n = nextQuote();
            if (n > 0) {
                stats.countQuote(QuoteLevel.LV1);
                sink.onLevel1(quote);
                passedOn(n);
            }
        }

        @Override
        public void onTrade(TradeView trade) {
            long n = nextQuote();
            if (n > 0) {
                stats.countQuote(QuoteLevel.LV2);
                sink.onTrade(trade);
                passedOn(n);
            }
        }

        @Override
        public void onLevel10(Level10View book) {
            long n = nextQuote();
            if (n > 0) {
                stats.countQuote(QuoteLevel.LV10);
                sink.onLevel10(book);
                passedOn(n);
            }
        }

        @Override
        public void onError(DecodeError error) {
            listener.onEvent(error);
        }

        @Override
        public void onNotice(DecodeNotice notice) {
            listener.onEvent(notice);
        }

        @Override
        public void onFrameEnd() {
            sink.onFrameEnd();
            listener.onFrameEnd();
        }

        @Override
        public void onConnected(long connectionNumber, String server) {
            sink.onConnected(connectionNumber, server);
        }
    }

    private static boolean endsAConnection(ConnectionEvent change) {
        return change instanceof ConnectionEvent.Disconnected || change instanceof ConnectionEvent.ReconnectScheduled
                || change instanceof ConnectionEvent.Closed || change instanceof ConnectionEvent.Refused;
    }
}
