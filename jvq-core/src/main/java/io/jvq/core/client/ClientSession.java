package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.ServerText;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketPort;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The session engine behind {@link JvqClient}: discover → connect → subscribe → decode →
 * dispatch → reconnect, until closed.
 *
 * <p>Threads. Discovery calls, backoff waits ({@link Reconnects}), pings and idle checks
 * ({@link Liveness}) run on the {@link SessionScheduler}'s one thread ({@code jvq-client-N}) and
 * nowhere else. Frames are decoded by their {@link Link} on the adapter's thread that delivers them,
 * and handed to the listener by the {@link EventDispatcher}: on that same thread, or through a
 * bounded queue on {@code jvq-dispatch-N}. The lifecycle state lives under one
 * lock; the listener and the ports' callbacks are never called while it is held, but commands
 * are sent under it, so that the wire sees subscription changes in the order they were made.
 *
 * <p>Each connection attempt has a generation; a callback for an older generation (a late
 * reply, a late close) finds its generation or phase changed and is ignored.
 *
 * <p>Callers waiting for a connection live in {@link ConnectionWaiters}, {@code list} requests in
 * {@link ListRequests}; both are guarded by this session's lock.
 */
final class ClientSession {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** STOPPED: a fatal discovery refusal ended the attempts; only close() follows. */
    enum Phase { IDLE, WAITING, DISCOVERING, CONNECTING, CONNECTED, STOPPED, CLOSED }

    static final Set<Phase> DISCOVERY = EnumSet.of(Phase.DISCOVERING);
    static final Set<Phase> UPGRADE = EnumSet.of(Phase.CONNECTING);
    private static final Set<Phase> OPEN = EnumSet.of(Phase.CONNECTED);
    /** A link's terminal callback ends it whether or not its upgrade has been seen to complete. */
    private static final Set<Phase> LINKED = EnumSet.of(Phase.CONNECTING, Phase.CONNECTED);

    private final ClientOptions options;
    private final SocketPort socket;
    private final DiscoveryPort discovery;
    private final DiscoveryAnswer answers;
    private final Attempts attempts;
    private final EventDispatcher dispatcher;
    /** Where a link passes its decoded records: events for the listener, or the user's flyweight sink. */
    private final QuoteSink records;
    private final StatsCounters stats;
    private final CommandChunker chunker;
    private final SessionScheduler scheduler;
    private final Liveness liveness;

    private final Object lock = new Object();
    // Guarded by lock (volatile where read without it).
    private final SubscriptionSet subscriptions = new SubscriptionSet();
    private final Reconnects reconnects;
    private volatile Phase phase = Phase.IDLE;
    private volatile boolean closed;
    private long generation;
    private volatile @Nullable Link current;
    private final ConnectionWaiters waiters;
    private final ListRequests lists;

    /** @param scheduler the session's thread and clock; null for a thread of its own */
    ClientSession(ClientOptions options, SocketPort socket, DiscoveryPort discovery, QuoteListener listener,
                  Dispatch dispatch, @Nullable QuoteSink quoteSink, RandomGenerator random,
                  @Nullable SessionScheduler scheduler) {
        this.options = options;
        this.socket = socket;
        this.discovery = discovery;
        this.answers = new DiscoveryAnswer(options);
        this.stats = new StatsCounters();
        this.chunker = new CommandChunker(options.maxCommandBytes());
        int number = CLIENTS.incrementAndGet();
        this.dispatcher = EventDispatcher.of(dispatch, new ListenerGuard(listener, stats), stats, number);
        this.records = quoteSink == null ? new EventSink(dispatcher::dispatch, dispatcher::frameEnd)
                : new FlyweightSink(quoteSink, stats, (record, error) -> emit(new ListenerFailure(record, error)));
        stats.feed.queueDepth(dispatcher::queuedEvents);
        this.scheduler = scheduler != null ? scheduler : new ThreadScheduler("jvq-client-" + number);
        this.reconnects = new Reconnects(options.reconnect(), random, this.scheduler);
        this.liveness = new Liveness(this.scheduler, options,
                (link, reason) -> ended(link.generation, OPEN, -1, reason, true));
        this.waiters = new ConnectionWaiters(options.token());
        this.lists = new ListRequests(lock, this.scheduler, waiters, stats, this::send, () -> phase == Phase.IDLE);
        this.attempts = new Attempts(this, options, socket, discovery, answers, this.scheduler, stats, waiters);
    }

    // ---- the user's side ------------------------------------------------------------------

    void start() {
        synchronized (lock) {
            requireOpen();
            if (phase != Phase.IDLE) {
                return;
            }
            phase = Phase.WAITING;
            scheduler.execute(attempts::begin);
        }
    }

    void subscribe(Collection<SubscriptionCode> codes) {
        change(codes, subscriptions::addCommand);
    }

    void unsubscribe(Collection<SubscriptionCode> codes) {
        change(codes, subscriptions::removeCommand);
    }

    void replaceAll(Collection<SubscriptionCode> codes) {
        change(codes, subscriptions::replaceAllCommand);
    }

    /** Applies a change to the subscriptions under the lock; its command, if any, goes out if connected. */
    private void change(Collection<SubscriptionCode> codes, Function<List<SubscriptionCode>, @Nullable Command> apply) {
        List<SubscriptionCode> checked = SubscriptionSet.checked(codes);
        synchronized (lock) {
            requireOpen();
            Command command = apply.apply(checked);
            Link link = current; // never null while CONNECTED
            if (command != null && phase == Phase.CONNECTED && link != null) {
                send(link, command, null);
            }
        }
    }

    /**
     * Sends {@code list} on the open connection; with none open (not yet, or between two), waits for
     * the next one, all within {@code timeout}. Fails at once when the client has stopped.
     */
    CompletableFuture<String> list(Duration timeout) {
        synchronized (lock) {
            requireOpen();
            if (phase == Phase.STOPPED) {
                return CompletableFuture.failedFuture(new IllegalStateException(waiters.stoppedText()));
            }
            return lists.request(timeout, phase == Phase.CONNECTED ? current : null);
        }
    }

    /** A future of the first connection's server; see {@link JvqClient#connected()}. */
    CompletableFuture<String> connected() {
        return waiters.connected();
    }

    /** Why the last attempt failed, as {@code "; the last attempt: …"}, or nothing. */
    String lastFailureText() {
        return waiters.lastFailureText();
    }

    List<SubscriptionCode> subscriptions() {
        synchronized (lock) {
            return subscriptions.snapshot();
        }
    }

    Phase phase() {
        return phase;
    }

    ClientStats stats() {
        return stats.snapshot();
    }

    FeedMetrics metrics() {
        return stats.feed;
    }

    /** The scheduler's thread once it has started, for tests that check it is gone. */
    @Nullable Thread schedulerThread() {
        return scheduler.thread();
    }

    /** The bounded hand-off's thread once it has started; null with direct dispatch. */
    @Nullable Thread dispatchThread() {
        return dispatcher.thread();
    }

    void close() {
        Link link;
        List<CompletableFuture<String>> unanswered;
        List<ListRequests.PendingList> waiting;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            phase = Phase.CLOSED;
            stats.feed.connectionEnded();
            reconnects.cancel();
            link = takeCurrent();
            unanswered = owed(link);
            waiting = waiters.take();
        }
        SocketConnection connection = link == null ? null : link.connection();
        if (connection != null) {
            quietly("closing the connection", () -> connection.close(1000, "client closed"));
        }
        failAll(unanswered, "the client was closed before the server replied");
        waiters.closed(waiting);
        scheduler.shutdown();
        quietly("closing the socket port", socket::close);
        quietly("closing the discovery port", discovery::close);
        LOG.log(System.Logger.Level.DEBUG, "jvq client closed");
        dispatcher.close(new ConnectionEvent.Closed());
    }

    // ---- an attempt's transitions (Attempts calls the ports and the listener around them) ----

    /** Scheduler thread: a due attempt begins discovering, with a new generation; null when none is due. */
    Attempts.@Nullable Started discovering() {
        synchronized (lock) {
            if (phase != Phase.WAITING) {
                return null;
            }
            phase = Phase.DISCOVERING;
            long gen = ++generation;
            int attempt = reconnects.failures();
            reconnects.began();
            return new Attempts.Started(gen, attempt);
        }
    }

    /** Scheduler thread: attempt {@code gen}, still discovering, connects to {@code server} on a new link; null if over. */
    @Nullable Link connecting(long gen, String server) {
        synchronized (lock) {
            if (generation != gen || phase != Phase.DISCOVERING) {
                return null;
            }
            phase = Phase.CONNECTING;
            Link link = new Link(this, gen, server, options.maxInflatedBytes(), records, stats, scheduler::nanoTime);
            current = link;
            return link;
        }
    }

    /** The link's upgrade completed: it goes live, subscribed, unless it stopped being current; says which. */
    boolean goLive(Link link, SocketConnection connection) {
        synchronized (lock) {
            if (current != link || phase != Phase.CONNECTING) {
                return false;
            }
            // Counted under the lock, so the count is this connection's number for QuoteSink.onConnected.
            stats.connections.increment();
            link.attach(connection, stats.connections.sum());
            phase = Phase.CONNECTED;
            // Open is not yet good: the backoff starts over at the first quote frame, or
            // once the connection has stayed up a while (ReconnectPolicy.stableAfter).
            link.stableTimer(scheduler.schedule(() -> proven(link), reconnects.stableAfter()));
            stats.feed.connectionOpened();
            // Under the lock: every change made before this point is in this all=, every later
            // one goes out as its own command after it.
            send(link, Command.all(subscriptions.snapshot()), null);
            lists.sendWaiting(link);
            liveness.start(link);
            return true;
        }
    }

    /**
     * Ends attempt {@code gen} if it is still in one of {@code phases}: reports why, and schedules
     * the next attempt after the backoff delay. A no-op for an attempt already over.
     */
    void ended(long gen, Set<Phase> phases, int closeCode, String reason, boolean abort) {
        Link link;
        int attempt;
        long delay;
        List<CompletableFuture<String>> unanswered;
        synchronized (lock) {
            if (closed || generation != gen || !phases.contains(phase)) {
                return;
            }
            link = takeCurrent();
            unanswered = owed(link);
            phase = Phase.WAITING;
            waiters.attemptFailed(reason);
            attempt = reconnects.failed();
            delay = reconnects.delayMillis(attempt);
        }
        SocketConnection connection = link == null ? null : link.connection();
        if (abort && connection != null) {
            quietly("aborting the connection", connection::abort);
        }
        failAll(unanswered, "the connection ended before the server replied: " + reason);
        LOG.log(System.Logger.Level.INFO, () -> "jvq: " + reason + FailureText.closeCode(closeCode, reason)
                + "; attempt " + attempt + " in " + delay + " ms");
        stats.reconnects.increment();
        stats.feed.connectionEnded();
        emit(new ConnectionEvent.Disconnected(closeCode, reason));
        emit(new ConnectionEvent.ReconnectScheduled(attempt, delay));
        synchronized (lock) {
            if (!closed && phase == Phase.WAITING && generation == gen) {
                reconnects.schedule(attempts::begin, delay);
            }
        }
    }

    // ---- the link's callbacks (adapter threads); frames go from the link to the sink --------
    // A link that is not current was retired when it stopped being so: ended() leaves it alone.

    void onText(Link link, String text) {
        ReplyQueue.Pending answered;
        synchronized (lock) {
            if (link.retired()) {
                return;
            }
            answered = link.replies.answer(text);
        }
        emit(new ServerText(text));
        lists.replied(answered, text);
    }

    /** Reader thread, once per link: its first quote frame has been delivered. */
    void onQuoteFrame(Link link) {
        proven(link);
    }

    /** The link's connection has proven itself good: the next failure waits the shortest time again. */
    private void proven(Link link) {
        synchronized (lock) {
            if (current == link && phase == Phase.CONNECTED) {
                reconnects.proven();
                link.stableTimer(SessionScheduler.Cancellable.NONE);
            }
        }
    }

    void onClosed(Link link, int code, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? "" : ": " + options.token().redact(reason);
        String what = "the server closed the connection (" + code + ")" + why;
        if (answers.fatalClose(code, reason)) {
            stop(link.generation, LINKED, answers.refusedByClose(code, reason), new ConnectionEvent.Disconnected(code, what));
            return;
        }
        ended(link.generation, LINKED, code, what, false);
    }

    /**
     * A refusal that cannot heal, by discovery (scheduler thread) or by a close ({@link
     * DiscoveryAnswer#fatalClose}, adapter thread), ends attempt {@code gen} if it is still in
     * {@code phases}, and no attempt follows: {@code Disconnected} (for a link, as in {@link #ended}),
     * then {@code Refused}, once. What waited for a connection fails, saying why.
     */
    void stop(long gen, Set<Phase> phases, ConnectionEvent.Refused refused, ConnectionEvent.@Nullable Disconnected disconnected) {
        List<CompletableFuture<String>> unanswered;
        List<ListRequests.PendingList> waiting;
        synchronized (lock) {
            if (closed || generation != gen || !phases.contains(phase)) {
                return;
            }
            unanswered = owed(takeCurrent()); // no link while discovering
            phase = Phase.STOPPED;
            waiters.attemptFailed(options.token().redact("refused (" + refused.code() + "): " + refused.reason()));
            waiting = waiters.take();
        }
        LOG.log(System.Logger.Level.WARNING, () -> "jvq: " + refused.reason() + "; the client stops");
        if (disconnected != null) {
            failAll(unanswered, "the connection ended before the server replied: " + disconnected.reason());
        }
        waiters.stopped(waiting);
        if (disconnected != null) {
            stats.feed.connectionEnded();
            emit(disconnected);
        }
        emit(refused);
    }

    void onFailed(Link link, Throwable error) {
        ended(link.generation, LINKED, -1, "the connection failed: " + describe(error), false);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Under the lock: sends {@code command} on the live {@code link}; a failed send ends it. */
    private void send(Link link, Command command, @Nullable CompletableFuture<String> reply) {
        link.send(chunker.chunks(command), reply, (verb, error) -> scheduler.execute(() -> ended(link.generation,
                OPEN, -1, "sending " + verb + " failed: " + describe(error), true)));
    }

    /** Under the lock: the current link, if any, stops being current and is retired. */
    private @Nullable Link takeCurrent() {
        Link link = current;
        current = null;
        if (link != null) {
            link.retire();
        }
        return link;
    }

    /** Under the lock: the replies a retired {@code link} (or none) still owed, taken to be failed. */
    private static List<CompletableFuture<String>> owed(@Nullable Link link) {
        return link == null ? List.of() : link.replies.drainReplies();
    }

    boolean isCurrent(long gen, Set<Phase> phases) {
        synchronized (lock) {
            return !closed && generation == gen && phases.contains(phase);
        }
    }

    /** Connection events, server text and sink failures stop at close: {@code Closed} is the last event. */
    void emit(JvqEvent event) {
        if (!closed) {
            dispatcher.dispatch(event);
        }
    }

    /** True once {@link #close()} has begun. */
    boolean isClosed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("client is closed");
        }
    }

    private static void failAll(List<CompletableFuture<String>> replies, String why) {
        for (CompletableFuture<String> reply : replies) {
            reply.completeExceptionally(new IllegalStateException(why));
        }
    }

    private String describe(Throwable error) {
        return FailureText.of(error, options.token());
    }

    private void quietly(String what, Runnable action) {
        AdapterCalls.quietly(options.token(), what, action);
    }
}
