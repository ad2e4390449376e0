package io.jvq.core.client;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * A self-healing jvQuant quote client: discovery → connect → subscribe → decode → dispatch →
 * reconnect. It asks for a fresh server address before every connection, sends its whole
 * subscription with one {@code all=} command after connecting, and reconnects with backoff
 * when the connection ends, until {@link #close()}.
 *
 * <pre>{@code
 * JvqClient client = JvqClient.builder()
 *         .options(ClientOptions.builder(token).build())
 *         .socket(socketPort).discovery(discoveryPort)
 *         .listener(listener)
 *         .build();
 * client.subscribe(SubscriptionCode.parse("lv1_600519"), SubscriptionCode.parse("lv2_600519"));
 * client.start();
 * }</pre>
 *
 * <h2>Events</h2>
 * A connection goes {@code Discovering(n)} → {@code Connecting(n, server)} → {@code Connected}
 * and ends with {@code Disconnected(code, reason)} followed by {@code ReconnectScheduled(n, delay)}.
 * A failed discovery (an error, a refusal, no server) or a failed connect also ends with
 * {@code Disconnected(-1, reason)} and a {@code ReconnectScheduled}. {@code n} counts the failed
 * attempts since the last good connection: {@code 0} for the first attempt after {@link #start()},
 * then {@code 1, 2, …}; it is the attempt given to {@link ReconnectPolicy#delayMillis}, and it
 * starts over only after a good connection: one that delivered a quote frame or stayed up for
 * {@link ReconnectPolicy#stableAfter()} (a server that accepts and closes at once is a failure). A refusal the options'
 * {@link RefusalClassifier} calls fatal (a bad token) instead ends with one {@code Refused(code, reason)}
 * and no further attempt, whether discovery said it or the server closed with it (code 1008 or
 * 4000-4999, after its {@code Disconnected}); {@code Closed} is the last event.
 *
 * <h2>Threads</h2>
 * Discovery, backoff waits, pings and idle checks run on the client's own daemon thread
 * ({@code jvq-client-N}). By default ({@link Dispatch#direct()}) quotes, decode errors and server
 * texts are delivered on the socket adapter's thread, in the order received, and that thread
 * delivers most connection events; callbacks never overlap, whichever thread runs them. With {@link Builder#dispatch(Dispatch) Dispatch.bounded(…)}
 * every event is delivered on the client's dispatch thread ({@code jvq-dispatch-N}) through a
 * bounded queue, so a slow listener costs at most the queue; see {@link Dispatch}. Every method
 * may be called from any thread, listener callbacks included; {@link #close()} too.
 *
 * <h2>Commands and replies</h2>
 * jvQuant documents no reply format, so a text frame is paired with the command it answers by
 * what it says: the verb it repeats and the codes it lists, else the oldest waiting command that
 * is not a {@code list} (see {@link ReplyText}). A text that answers nothing (a welcome line, a
 * notice) is unpaired and shifts no later pairing. That is how {@link #list()} finds its reply.
 * Every text frame is also delivered to the listener as a {@code ServerText}.
 */
public final class JvqClient implements AutoCloseable {
    /** How long {@link #list()} waits for its reply. */
    public static final Duration DEFAULT_LIST_TIMEOUT = Duration.ofSeconds(10);
    private final ClientSession session;

    private JvqClient(ClientSession session) {
        this.session = session;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts discovering and connecting in the background. Idempotent; fails after close. */
    public void start() {
        session.start();
    }

    /** Adds codes; sends {@code add=} for those not yet subscribed when connected. */
    public void subscribe(Collection<SubscriptionCode> codes) {
        session.subscribe(codes);
    }

    public void subscribe(SubscriptionCode... codes) {
        // Arrays.asList, not List.of: a null code must reach the check that names its index.
        subscribe(Arrays.asList(codes));
    }

    /** Removes codes; sends {@code del=} for those that were subscribed when connected. */
    public void unsubscribe(Collection<SubscriptionCode> codes) {
        session.unsubscribe(codes);
    }

    public void unsubscribe(SubscriptionCode... codes) {
        unsubscribe(Arrays.asList(codes));
    }

    /** Replaces the whole subscription; sends {@code all=} when connected and the set changed. */
    public void replaceAll(Collection<SubscriptionCode> codes) {
        session.replaceAll(codes);
    }

    /**
     * Completes with the server ({@code host:port/path}, no token) when the client first connects, right
     * after the listener has been handed {@code Connected}; later reconnects do not change it. It fails
     * with an {@link IllegalStateException} saying why when the client stops on a refusal that
     * retrying cannot heal ({@code Refused}: a bad token), or is closed, before that. Callable before
     * {@link #start()}. Each call returns a new future: cancelling one affects no other. Dependent
     * actions run on the thread that connected (the socket adapter's): do not block there.
     *
     * <pre>{@code
     * client.start();
     * client.connected().thenRun(() -> client.list().thenAccept(reply -> log.info(reply)));
     * }</pre>
     */
    public CompletableFuture<String> connected() {
        return session.connected();
    }

    /**
     * Waits up to {@code timeout} for the client's first connection ({@link #connected()}); returns at
     * once if it has connected already. Call {@link #start()} first (or from another thread).
     *
     * @return the server connected to ({@code host:port/path}, no token)
     * @throws TimeoutException      when no connection was open within {@code timeout}; its message
     *                               names the timeout and why the last attempt failed, if one did
     *                               (never the token)
     * @throws IllegalStateException when the client stopped on a refusal (saying what the server
     *                               said) or was closed before it connected
     * @throws InterruptedException  when the waiting thread is interrupted
     */
    public String awaitConnected(Duration timeout) throws TimeoutException, InterruptedException {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("awaitConnected needs a timeout of zero or more, got " + timeout);
        }
        try {
            return session.connected().get(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            boolean started = session.phase() != ClientSession.Phase.IDLE;
            throw new TimeoutException("no connection to the server within " + timeout
                    + (started ? "" : " (the client was not started: call start() first)")
                    + session.lastFailureText());
        } catch (ExecutionException e) {
            // Thrown again from here, so that the stack trace shows the caller
            Throwable cause = e.getCause();
            Throwable failure = cause != null ? cause : e;
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    /**
     * Sends {@code list} and completes with the server's text reply, within
     * {@link #DEFAULT_LIST_TIMEOUT}: see {@link #list(Duration)}. The future completes on the socket
     * adapter's thread: do not block it, and do not wait for it inside a listener callback.
     *
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<String> list() {
        return list(DEFAULT_LIST_TIMEOUT);
    }

    /**
     * Sends {@code list} and completes with the server's text reply. With no connection open (before
     * the first, or between two) the list waits for the next connection and goes out right after its
     * {@code all=}, all within {@code timeout}; if none opens in time it fails with a
     * {@link TimeoutException} that says so (wait with {@link #awaitConnected(Duration)} first to
     * tell the two apart). It fails at once with an {@link IllegalStateException} when the client has
     * stopped on a refusal, when the connection it went out on ends before the reply, and when the
     * client is closed.
     *
     * <p>A reply that comes after its list timed out (or was cancelled) is dropped and counted in
     * {@link ClientStats#lateReplies()}, never handed to a later {@code list}; it is owed for
     * {@code timeout} again, then deemed lost (docs/PROTOCOL.md §4).
     *
     * <pre>{@code
     * client.list(Duration.ofSeconds(5))
     *         .whenComplete((reply, error) -> log.info(error == null ? reply : "list failed: " + error));
     * }</pre>
     *
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<String> list(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("list timeout must be positive, got " + timeout);
        }
        return session.list(timeout);
    }

    /** {@link #list()}, completed with the codes its reply lists (see {@link ReplyText#codes}). */
    public CompletableFuture<List<SubscriptionCode>> listCodes(Duration timeout) {
        return list(timeout).thenApply(ReplyText::codes);
    }

    /** The client's subscription set, in the order codes were added (a snapshot). */
    public Set<SubscriptionCode> subscriptions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(session.subscriptions()));
    }

    /** True while a connection is open and subscribed. */
    public boolean isConnected() {
        return session.phase() == ClientSession.Phase.CONNECTED;
    }

    /** The client's counters, as of now. Cheap: callable as often as wanted. */
    public ClientStats stats() {
        return session.stats();
    }

    /** Lag, liveness, queue depth and per-kind counts, live: see {@link FeedMetrics}. */
    public FeedMetrics metrics() {
        return session.metrics();
    }

    /**
     * Final: stops reconnecting, cancels the timers, closes the connection (1000), fails pending
     * {@link #list()} futures, stops the client's thread, closes both ports and delivers
     * {@code Closed}. Idempotent; callable from any thread, a listener callback included.
     * With a bounded dispatch, the queued feed events are discarded and {@code Closed} is
     * delivered on the dispatch thread (possibly after this method returns), which then ends.
     */
    @Override
    public void close() {
        session.close();
    }

    /** The client's own thread, once started (tests check that it ends). */
    @Nullable Thread schedulerThread() {
        return session.schedulerThread();
    }

    /** The bounded hand-off's thread, once started; null with direct dispatch. */
    @Nullable Thread dispatchThread() {
        return session.dispatchThread();
    }

    @Override
    public String toString() {
        return "JvqClient[" + session.phase().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + session.subscriptions().size() + " codes]";
    }

    /**
     * Builds a client from its parts. Most users start from their transport's builder instead,
     * which sets the two ports: {@code JvqVertx.clientBuilder(options)} (jvq-transport-vertx) or
     * {@code JvqTyrus.clientBuilder(options)} (jvq-transport-tyrus). {@link #build()} says which part
     * is missing, if one is.
     */
    public static final class Builder {
        private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());
        /** How to get both ports, for the messages of a builder without them. */
        private static final String TRANSPORT_HINT = "build the client with JvqVertx.clientBuilder(options)"
                + " (jvq-transport-vertx) or JvqTyrus.clientBuilder(options) (jvq-transport-tyrus), which set"
                + " both ports, or set them yourself with .socket(...) and .discovery(...)";
        @Nullable ClientOptions options;
        @Nullable SocketPort socket;
        @Nullable DiscoveryPort discovery;
        QuoteListener listener = new QuoteListener() {
        };
        Dispatch dispatch = Dispatch.direct();
        @Nullable QuoteSink quoteSink;
        boolean listenerSet;
        RandomGenerator random = new SplittableRandom();
        @Nullable SessionScheduler scheduler;

        private Builder() {
        }

        public Builder options(ClientOptions options) {
            this.options = options;
            return this;
        }

        public Builder socket(SocketPort socket) {
            this.socket = socket;
            return this;
        }

        public Builder discovery(DiscoveryPort discovery) {
            this.discovery = discovery;
            return this;
        }

        /**
         * Who hears the client's events; by default no one. With a {@link #quoteSink quoteSink} set,
         * it hears connection events, server texts and sink failures only.
         */
        public Builder listener(QuoteListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener is null: pass a QuoteListener, e.g."
                    + " QuoteListener.onTrades(trade -> ...), or leave listener(...) out to hear nothing");
            this.listenerSet = true;
            return this;
        }

        /**
         * How events reach the listener: {@link Dispatch#direct()} (the default) on the
         * transport's reader thread, or {@link Dispatch#bounded} through a bounded queue with an
         * {@link OverflowPolicy} for a listener slower than the feed.
         */
        public Builder dispatch(Dispatch dispatch) {
            this.dispatch = Objects.requireNonNull(dispatch, "dispatch is null: pass Dispatch.direct() (the default)"
                    + " or Dispatch.bounded(capacity, policy)");
            return this;
        }

        /**
         * The zero-allocation path: quotes and decode errors go to {@code sink} as reusable views
         * on the transport's reader thread (valid only during the call; {@code toEvent()} keeps
         * one), instead of to the listener as events. The listener still hears connection events,
         * server texts and a {@code ListenerFailure} when the sink throws, never a quote: {@link #build()}
         * logs a warning when both are set, to say so. Needs direct dispatch.
         */
        public Builder quoteSink(QuoteSink sink) {
            this.quoteSink = Objects.requireNonNull(sink, "quoteSink is null: pass a QuoteSink, or leave quoteSink(...)"
                    + " out to have quotes delivered to the listener");
            return this;
        }

        /** Test hook: the source of backoff jitter (only used under the session's lock). */
        Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Test hook: the session's thread and clock (virtual time in tests); a thread of its own by default. */
        Builder scheduler(SessionScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * The client, not started.
         *
         * @throws IllegalStateException when options or a port is missing, or a quote sink is combined
         *                               with a bounded dispatch; the message says what to call
         */
        public JvqClient build() {
            if (options == null) {
                throw new IllegalStateException("no options: call .options(ClientOptions.builder(token).build())"
                        + " on the builder, or start from JvqVertx.clientBuilder(options) or"
                        + " JvqTyrus.clientBuilder(options)");
            }
            if (socket == null && discovery == null) {
                throw new IllegalStateException("no transport (no socket and no discovery port): " + TRANSPORT_HINT);
            }
            if (socket == null) {
                throw new IllegalStateException("no socket port: .discovery(...) is set but .socket(...) is not; "
                        + TRANSPORT_HINT);
            }
            if (discovery == null) {
                throw new IllegalStateException("no discovery port: .socket(...) is set but .discovery(...) is not; "
                        + TRANSPORT_HINT);
            }
            if (quoteSink != null && !(dispatch instanceof Dispatch.Direct)) {
                throw new IllegalStateException("a quoteSink reads views that are only valid during the call:"
                        + " it cannot be combined with a bounded dispatch; remove .dispatch(...) or .quoteSink(...)");
            }
            if (quoteSink != null && listenerSet) {
                LOG.log(System.Logger.Level.WARNING, QUOTES_TO_THE_SINK);
            }
            return new JvqClient(new ClientSession(options, socket, discovery, listener, dispatch, quoteSink, random,
                    scheduler));
        }
    }

    /** Logged by {@link Builder#build()} when both a quote sink and a listener are set. */
    static final String QUOTES_TO_THE_SINK = "jvq: this client has a quoteSink and a listener: quotes and decode"
            + " errors go to the sink only; the listener gets connection events, server texts and sink failures,"
            + " never a quote";
}
