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
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
final class ClientSession {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    /** The most the session waits past an adapter's own timeout before giving up on it itself. */
    private static final Duration MAX_ADAPTER_GRACE = Duration.ofSeconds(2);

    /** STOPPED: a fatal discovery refusal ended the attempts; only close() follows. */
    enum Phase { IDLE, WAITING, DISCOVERING, CONNECTING, CONNECTED, STOPPED, CLOSED }

    private static final Set<Phase> DISCOVERY = EnumSet.of(Phase.DISCOVERING);
    private static final Set<Phase> UPGRADE = EnumSet.of(Phase.CONNECTING);
    private static final Set<Phase> OPEN = EnumSet.of(Phase.CONNECTED);
    /** A link's terminal callback ends it whether or not its upgrade has been seen to complete. */
    private static final Set<Phase> LINKED = EnumSet.of(Phase.CONNECTING, Phase.CONNECTED);

    private final ClientOptions options;
    private final SocketPort socket;
    private final DiscoveryPort discovery;
    private final DiscoveryAnswer answers;
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
    private volatile Link current;
    /** {@code list}s made while no connection was open, sent when the next one opens (or failed). */
    private final List<PendingList> waitingLists = new ArrayList<>();
    /** Why the last attempt failed (token-free), for awaitConnected's message; null before any. */
    private volatile String lastFailure;
    /** Completed with the server on the first Connected; failed when the client stops or closes first. */
    private final CompletableFuture<String> firstConnection = new CompletableFuture<>();

    /** @param scheduler the session's thread and clock; null for a thread of its own */
    ClientSession(ClientOptions options, SocketPort socket, DiscoveryPort discovery, QuoteListener listener,
                  Dispatch dispatch, QuoteSink quoteSink, RandomGenerator random, SessionScheduler scheduler) {
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
    }

    // ---- the user's side ------------------------------------------------------------------

    void start() {
        synchronized (lock) {
            requireOpen();
            if (phase != Phase.IDLE) {
                return;
            }
            phase = Phase.WAITING;
            scheduler.execute(this::beginAttempt);
        }
    }

    void subscribe(Collection<SubscriptionCode> codes) {
        change(codes, added -> {
            List<SubscriptionCode> fresh = subscriptions.add(added);
            return fresh.isEmpty() ? null : Command.add(fresh);
        });
    }

    void unsubscribe(Collection<SubscriptionCode> codes) {
        change(codes, removed -> {
            List<SubscriptionCode> gone = subscriptions.remove(removed);
            return gone.isEmpty() ? null : Command.del(gone);
        });
    }

    void replaceAll(Collection<SubscriptionCode> codes) {
        change(codes, replacement -> subscriptions.replaceAll(replacement) ? Command.all(subscriptions.snapshot()) : null);
    }

    /** Applies a change to the subscriptions under the lock; its command, if any, goes out if connected. */
    private void change(Collection<SubscriptionCode> codes, Function<List<SubscriptionCode>, Command> apply) {
        List<SubscriptionCode> checked = SubscriptionSet.checked(codes);
        synchronized (lock) {
            requireOpen();
            Command command = apply.apply(checked);
            if (command != null && phase == Phase.CONNECTED) {
                send(current, command, null);
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
                return CompletableFuture.failedFuture(new IllegalStateException(stoppedText()));
            }
            PendingList list = new PendingList(timeout);
            if (phase == Phase.CONNECTED) {
                sendList(current, list);
            } else {
                waitingLists.add(list);
            }
            // On the session's clock, not orTimeout's: tests drive it on virtual time.
            SessionScheduler.Cancellable timer = scheduler.schedule(() -> timedOut(list), timeout);
            list.reply.whenComplete((text, error) -> {
                timer.cancel();
                if (error instanceof TimeoutException || error instanceof CancellationException) {
                    gaveUp(list);
                }
            });
            return list.reply;
        }
    }

    /** A {@code list} and, once sent, the link it went out on. */
    private static final class PendingList {
        final CompletableFuture<String> reply = new CompletableFuture<>();
        final Duration timeout;
        /** Guarded by the session's lock; null while it waits for a connection. */
        Link sentOn;

        PendingList(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Under the lock: sends {@code list} on the live {@code link}. */
    private void sendList(Link link, PendingList list) {
        list.sentOn = link;
        send(link, Command.list(), list.reply);
    }

    /** Scheduler thread: the list's time is up; says whether it waited for a reply or for a connection. */
    private void timedOut(PendingList list) {
        String why;
        synchronized (lock) {
            if (list.sentOn != null) {
                why = "no reply to list within " + list.timeout;
            } else {
                why = "no connection was open within " + list.timeout + " to send list"
                        + (phase == Phase.IDLE ? " (the client was not started: call start())" : "")
                        + "; wait for one first with awaitConnected(Duration) or connected(), or pass a longer"
                        + " timeout to list(Duration)" + lastFailureText();
            }
        }
        list.reply.completeExceptionally(new TimeoutException(why));
    }

    /** The caller gave up on {@code list} (timed out or cancelled). */
    private void gaveUp(PendingList list) {
        Link link;
        synchronized (lock) {
            link = list.sentOn;
            if (link == null) {
                waitingLists.remove(list);
                return;
            }
        }
        forgetOrphanLater(link, list.reply, list.timeout);
    }

    /** The lists still waiting for a connection, taken; under the lock. */
    private List<CompletableFuture<String>> drainWaitingLists() {
        List<CompletableFuture<String>> replies = new ArrayList<>(waitingLists.size());
        for (PendingList list : waitingLists) {
            replies.add(list.reply);
        }
        waitingLists.clear();
        return replies;
    }

    /** A future of the first connection's server; see {@link JvqClient#connected()}. */
    CompletableFuture<String> connected() {
        return firstConnection.copy();
    }

    /** Why the last attempt failed, as {@code "; the last attempt: …"}, or nothing. */
    String lastFailureText() {
        String last = lastFailure;
        return last == null ? "" : "; the last attempt: " + options.token().redact(last);
    }

    private String stoppedText() {
        String last = lastFailure;
        return "the client has stopped: " + (last == null ? "the server refused it" : last)
                + " (a refusal retrying cannot heal; see ConnectionEvent.Refused)";
    }

    /** A list whose caller gave up stays owed its reply (ReplyQueue's orphan) for its timeout again, then no more. */
    private void forgetOrphanLater(Link link, CompletableFuture<String> reply, Duration timeout) {
        scheduler.schedule(() -> {
            synchronized (lock) {
                link.replies.forget(reply);
            }
        }, timeout);
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
    Thread schedulerThread() {
        return scheduler.thread();
    }

    /** The bounded hand-off's thread once it has started; null with direct dispatch. */
    Thread dispatchThread() {
        return dispatcher.thread();
    }

    void close() {
        Link link;
        List<CompletableFuture<String>> unanswered = List.of();
        List<CompletableFuture<String>> waiting;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            phase = Phase.CLOSED;
            stats.feed.connectionEnded();
            link = current;
            current = null;
            reconnects.cancel();
            if (link != null) {
                link.retire();
                unanswered = link.replies.drainReplies();
            }
            waiting = drainWaitingLists();
        }
        if (link != null && link.connection() != null) {
            quietly("closing the connection", () -> link.connection().close(1000, "client closed"));
        }
        failAll(unanswered, "the client was closed before the server replied");
        failAll(waiting, "the client was closed before a connection was open to send list");
        firstConnection.completeExceptionally(new IllegalStateException("the client was closed before it connected"
                + lastFailureText()));
        scheduler.shutdown();
        quietly("closing the socket port", socket::close);
        quietly("closing the discovery port", discovery::close);
        LOG.log(System.Logger.Level.DEBUG, "jvq client closed");
        dispatcher.close(new ConnectionEvent.Closed());
    }

    // ---- discovery and connection -----------------------------------------------------------

    /** Scheduler thread: asks discovery for a server, for a new attempt. */
    private void beginAttempt() {
        long gen;
        int attempt;
        synchronized (lock) {
            if (phase != Phase.WAITING) {
                return;
            }
            phase = Phase.DISCOVERING;
            gen = ++generation;
            attempt = reconnects.failures();
            reconnects.began();
        }
        emit(new ConnectionEvent.Discovering(attempt));
        if (closed) {
            return;
        }
        DiscoveryRequest request = new DiscoveryRequest(options.discoveryUrl(), options.market(), "websocket",
                options.token(), options.discoveryTimeout());
        CompletableFuture<DiscoveryReply> reply = AdapterCalls.call(() -> discovery.discover(request), "discovery");
        giveUpAfter(gen, DISCOVERY, options.discoveryTimeout(),
                "discovery at " + request.redactedUri() + " did not answer within " + options.discoveryTimeout());
        reply.whenComplete((r, e) -> scheduler.execute(() -> onDiscoveryAnswer(gen, attempt, r, e)));
    }

    /** Scheduler thread: turns a discovery answer into a connection attempt, or a failure. */
    private void onDiscoveryAnswer(long gen, int attempt, DiscoveryReply reply, Throwable error) {
        if (!isCurrent(gen, DISCOVERY)) {
            return;
        }
        if (answers.fatal(reply, error)) {
            stats.discoveryFailures.increment();
            stopRefused(gen, reply);
            return;
        }
        ServerAddress address;
        try {
            address = answers.serverOf(reply, error);
        } catch (IllegalArgumentException e) {
            stats.discoveryFailures.increment();
            ended(gen, DISCOVERY, -1, e.getMessage(), false);
            return;
        }
        Link link;
        synchronized (lock) {
            if (generation != gen || phase != Phase.DISCOVERING) {
                return;
            }
            phase = Phase.CONNECTING;
            link = new Link(this, gen, address.display(), options.maxInflatedBytes(), records, stats,
                    scheduler::nanoTime);
            current = link;
        }
        emit(new ConnectionEvent.Connecting(attempt, address.display()));
        if (closed) {
            // The listener closed the client on Connecting (close() retired the link): open nothing.
            return;
        }
        SocketRequest request = new SocketRequest(address.uri(), options.connectTimeout(), options.maxMessageBytes());
        CompletableFuture<SocketConnection> upgrade = AdapterCalls.call(() -> socket.connect(request, link), "socket");
        giveUpAfter(gen, UPGRADE, options.connectTimeout(),
                "connecting to " + address.display() + " did not complete within " + options.connectTimeout());
        // Handled on the thread that completes the upgrade, before the adapter delivers any
        // message, so that the first frames find the link connected.
        upgrade.whenComplete((connection, e) -> onUpgrade(link, connection, e));
    }

    /** Scheduler thread: a fatal refusal ends the attempts; said once, with {@code Refused}. */
    private void stopRefused(long gen, DiscoveryReply refusal) {
        ConnectionEvent.Refused refused = answers.refused(refusal);
        List<CompletableFuture<String>> waiting;
        synchronized (lock) {
            if (closed || generation != gen || phase != Phase.DISCOVERING) {
                return;
            }
            phase = Phase.STOPPED;
            lastFailure = refusedText(refused);
            waiting = drainWaitingLists();
        }
        LOG.log(System.Logger.Level.WARNING, () -> "jvq: " + refused.reason() + "; the client stops");
        stopped(waiting);
        emit(refused);
    }

    private String refusedText(ConnectionEvent.Refused refused) {
        return options.token().redact("refused (" + refused.code() + "): " + refused.reason());
    }

    /** The client stopped on a refusal: what waited for a connection fails, saying why. */
    private void stopped(List<CompletableFuture<String>> waiting) {
        String why = stoppedText();
        failAll(waiting, why);
        firstConnection.completeExceptionally(new IllegalStateException(why));
    }

    /** Adapter or scheduler thread: the upgrade finished; subscribe with {@code all=} and go live. */
    private void onUpgrade(Link link, SocketConnection connection, Throwable error) {
        if (error != null || connection == null) {
            String why = error != null ? describe(error) : "the socket adapter completed without a connection";
            ended(link.generation, UPGRADE, -1, "connecting to " + link.server + " failed: " + why, false);
            return;
        }
        boolean live;
        synchronized (lock) {
            live = current == link && phase == Phase.CONNECTING;
            if (live) {
                link.attach(connection);
                phase = Phase.CONNECTED;
                // Open is not yet good: the backoff starts over at the first quote frame, or
                // once the connection has stayed up a while (ReconnectPolicy.stableAfter).
                link.stableTimer(scheduler.schedule(() -> proven(link), reconnects.stableAfter()));
                stats.connections.increment();
                stats.feed.connectionOpened();
                // Under the lock: every change made before this point is in this all=, every later
                // one goes out as its own command after it.
                send(link, Command.all(subscriptions.snapshot()), null);
                for (PendingList list : waitingLists) {
                    if (!list.reply.isDone()) {
                        sendList(link, list);
                    }
                }
                waitingLists.clear();
                liveness.start(link);
            }
        }
        if (!live) {
            // Closed or given up on meanwhile: this connection is not wanted.
            quietly("closing a superseded connection", () -> connection.close(1000, "superseded"));
            link.retire();
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "connected to " + link.server);
        emit(new ConnectionEvent.Connected(link.server));
        // After the listener has heard Connected (with direct dispatch), outside the lock: what
        // waits on the future may call the client at once.
        firstConnection.complete(link.server);
    }

    /**
     * Fails the attempt if it is still in {@code phases} well after the adapter's own timeout
     * (twice it, at most two seconds more): a safety net for an adapter that never answers.
     */
    private void giveUpAfter(long gen, Set<Phase> phases, Duration adapterTimeout, String reason) {
        Duration grace = adapterTimeout.compareTo(MAX_ADAPTER_GRACE) < 0 ? adapterTimeout : MAX_ADAPTER_GRACE;
        scheduler.schedule(() -> ended(gen, phases, -1, reason, true), adapterTimeout.plus(grace));
    }

    /**
     * Ends attempt {@code gen} if it is still in one of {@code phases}: reports why, and schedules
     * the next attempt after the backoff delay. A no-op for an attempt already over.
     */
    private void ended(long gen, Set<Phase> phases, int closeCode, String reason, boolean abort) {
        Link link;
        int attempt;
        long delay;
        List<CompletableFuture<String>> unanswered = List.of();
        synchronized (lock) {
            if (closed || generation != gen || !phases.contains(phase)) {
                return;
            }
            link = current;
            current = null;
            phase = Phase.WAITING;
            lastFailure = reason;
            attempt = reconnects.failed();
            delay = reconnects.delayMillis(attempt);
            if (link != null) {
                link.retire();
                unanswered = link.replies.drainReplies();
            }
        }
        if (abort && link != null && link.connection() != null) {
            quietly("aborting the connection", link.connection()::abort);
        }
        failAll(unanswered, "the connection ended before the server replied: " + reason);
        LOG.log(System.Logger.Level.INFO, () -> "jvq: " + reason + closeCodeText(closeCode, reason)
                + "; attempt " + attempt + " in " + delay + " ms");
        stats.reconnects.increment();
        stats.feed.connectionEnded();
        emit(new ConnectionEvent.Disconnected(closeCode, reason));
        emit(new ConnectionEvent.ReconnectScheduled(attempt, delay));
        synchronized (lock) {
            if (!closed && phase == Phase.WAITING && generation == gen) {
                reconnects.schedule(this::beginAttempt, delay);
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
        if (answered != null && answered.reply() != null && !answered.reply().complete(text)) {
            stats.lateReplies.increment(); // its caller gave up: dropped, handed to no one
        }
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

    /** Reader thread, once per link: what the link turned away after it ended (already counted). */
    void undelivered(Link link, long records, long frames) {
        // After close() the user asked for it; before, the feed lost them and someone should look.
        LOG.log(closed ? System.Logger.Level.INFO : System.Logger.Level.WARNING, () -> "jvq: " + link + " ended with " + records
                + " records of a frame and " + frames + " later frames not delivered (counted in"
                + " stats().undeliveredRecords() and undeliveredFrames())");
    }

    void onClosed(Link link, int code, String reason) {
        String why = reason == null || reason.isBlank() ? "" : ": " + options.token().redact(reason);
        if (answers.fatalClose(code, reason)) {
            stopRefusedByClose(link, code, reason, "the server closed the connection (" + code + ")" + why);
            return;
        }
        ended(link.generation, LINKED, code, "the server closed the connection (" + code + ")" + why, false);
    }

    /**
     * Adapter thread: the server closed with a refusal that cannot heal ({@link DiscoveryAnswer#fatalClose}).
     * The link ends as in {@link #ended}, but no attempt follows: {@code Disconnected}, then
     * {@code Refused}, once, as for a fatal discovery refusal.
     */
    private void stopRefusedByClose(Link link, int code, String reason, String what) {
        ConnectionEvent.Refused refused = answers.refusedByClose(code, reason);
        List<CompletableFuture<String>> unanswered;
        List<CompletableFuture<String>> waiting;
        synchronized (lock) {
            if (closed || generation != link.generation || !LINKED.contains(phase)) {
                return;
            }
            current = null;
            phase = Phase.STOPPED;
            link.retire();
            unanswered = link.replies.drainReplies();
            lastFailure = refusedText(refused);
            waiting = drainWaitingLists();
        }
        failAll(unanswered, "the connection ended before the server replied: " + what);
        stopped(waiting);
        stats.feed.connectionEnded();
        LOG.log(System.Logger.Level.WARNING, () -> "jvq: " + refused.reason() + "; the client stops");
        emit(new ConnectionEvent.Disconnected(code, what));
        emit(refused);
    }

    void onFailed(Link link, Throwable error) {
        ended(link.generation, LINKED, -1, "the connection failed: " + describe(error), false);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** {@code " (close code N)"} when there was a close code the reason does not already give. */
    static String closeCodeText(int closeCode, String reason) {
        return closeCode < 0 || reason.contains("(" + closeCode + ")") ? "" : " (close code " + closeCode + ")";
    }

    /** Under the lock: sends {@code command} on the live {@code link}; a failed send ends it. */
    private void send(Link link, Command command, CompletableFuture<String> reply) {
        link.send(chunker.chunks(command), reply, (verb, error) -> scheduler.execute(() -> ended(link.generation,
                OPEN, -1, "sending " + verb + " failed: " + describe(error), true)));
    }

    private boolean isCurrent(long gen, Set<Phase> phases) {
        synchronized (lock) {
            return !closed && generation == gen && phases.contains(phase);
        }
    }

    /** Connection events, server text and sink failures stop at close: {@code Closed} is the last event. */
    private void emit(JvqEvent event) {
        if (!closed) {
            dispatcher.dispatch(event);
        }
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
