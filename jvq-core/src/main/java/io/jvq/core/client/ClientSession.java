package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.ServerText;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The session engine behind {@link JvqClient}: discover → connect → subscribe → decode →
 * dispatch → reconnect, until closed.
 *
 * <p>Threads. The client owns one daemon scheduler thread ({@code jvq-client-N}); discovery
 * calls, backoff waits, pings and idle checks run there and nowhere else. Frames are decoded on
 * the adapter's thread that delivers them, and handed to the listener by the {@link EventDispatcher}:
 * on that same thread, or through a bounded queue on {@code jvq-dispatch-N}. The lifecycle state lives under one
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
    private final EventDispatcher dispatcher;
    /** Where decoded records go: events for the listener, or the user's flyweight sink. */
    private final QuoteSink frameSink;
    private final StatsCounters stats;
    private final CommandChunker chunker;
    private final RandomGenerator random;
    private final ScheduledThreadPoolExecutor scheduler;
    private volatile Thread schedulerThread;

    private final Object lock = new Object();
    // Guarded by lock (volatile where read without it).
    private final SubscriptionSet subscriptions = new SubscriptionSet();
    private volatile Phase phase = Phase.IDLE;
    private volatile boolean closed;
    private long generation;
    /** Consecutive failed attempts since the last good connection: the backoff policy's attempt. */
    private int failures;
    private volatile Link current;
    private ScheduledFuture<?> reconnectTask;

    ClientSession(ClientOptions options, SocketPort socket, DiscoveryPort discovery, QuoteListener listener,
                  Dispatch dispatch, QuoteSink quoteSink, RandomGenerator random) {
        this.options = options;
        this.socket = socket;
        this.discovery = discovery;
        this.stats = new StatsCounters();
        this.chunker = new CommandChunker(options.maxCommandBytes());
        int number = CLIENTS.incrementAndGet();
        this.dispatcher = EventDispatcher.of(dispatch, new ListenerGuard(listener, stats), stats, number);
        this.frameSink = new MeteredSink(quoteSink == null ? new EventSink(this::onDecoded)
                : new FlyweightSink(quoteSink, stats, this::reportSinkFailure), stats.feed);
        stats.feed.queueDepth(dispatcher::queuedEvents);
        this.random = random;
        String threadName = "jvq-client-" + number;
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            schedulerThread = thread;
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    // ---- the user's side ------------------------------------------------------------------

    void start() {
        synchronized (lock) {
            requireOpen();
            if (phase != Phase.IDLE) {
                return;
            }
            phase = Phase.WAITING;
            execute(this::beginAttempt);
        }
    }

    void subscribe(Collection<SubscriptionCode> codes) {
        List<SubscriptionCode> added = checked(codes);
        synchronized (lock) {
            requireOpen();
            List<SubscriptionCode> fresh = subscriptions.add(added);
            if (!fresh.isEmpty() && phase == Phase.CONNECTED) {
                send(current, Command.add(fresh), null);
            }
        }
    }

    void unsubscribe(Collection<SubscriptionCode> codes) {
        List<SubscriptionCode> removed = checked(codes);
        synchronized (lock) {
            requireOpen();
            List<SubscriptionCode> gone = subscriptions.remove(removed);
            if (!gone.isEmpty() && phase == Phase.CONNECTED) {
                send(current, Command.del(gone), null);
            }
        }
    }

    void replaceAll(Collection<SubscriptionCode> codes) {
        List<SubscriptionCode> replacement = checked(codes);
        synchronized (lock) {
            requireOpen();
            if (subscriptions.replaceAll(replacement) && phase == Phase.CONNECTED) {
                send(current, Command.all(subscriptions.snapshot()), null);
            }
        }
    }

    CompletableFuture<String> list(Duration timeout) {
        synchronized (lock) {
            requireOpen();
            if (phase != Phase.CONNECTED) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("not connected: list needs an open connection"));
            }
            CompletableFuture<String> reply = new CompletableFuture<>();
            send(current, Command.list(), reply);
            return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
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
        return schedulerThread;
    }

    /** The bounded hand-off's thread once it has started; null with direct dispatch. */
    Thread dispatchThread() {
        return dispatcher.thread();
    }

    void close() {
        Link link;
        ScheduledFuture<?> reconnect;
        List<CompletableFuture<String>> unanswered = List.of();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            phase = Phase.CLOSED;
            stats.feed.connectionEnded();
            link = current;
            current = null;
            reconnect = reconnectTask;
            reconnectTask = null;
            if (link != null) {
                stopLiveness(link);
                unanswered = link.replies.drainReplies();
            }
        }
        if (reconnect != null) {
            reconnect.cancel(false);
        }
        if (link != null) {
            SocketConnection connection = link.connection();
            if (connection != null) {
                quietly("closing the connection", () -> connection.close(1000, "client closed"));
            }
            link.retire();
        }
        failAll(unanswered, "the client was closed before the server replied");
        // shutdown, not shutdownNow: close() may run on the scheduler thread itself, and its
        // current task (if any) finds the session closed; no interrupt is needed.
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
            attempt = failures;
            reconnectTask = null;
        }
        emit(new ConnectionEvent.Discovering(attempt));
        if (closed) {
            return;
        }
        DiscoveryRequest request = new DiscoveryRequest(options.discoveryUrl(), options.market(), "websocket",
                options.token(), options.discoveryTimeout());
        CompletableFuture<DiscoveryReply> reply;
        try {
            reply = discovery.discover(request);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        giveUpAfter(gen, DISCOVERY, options.discoveryTimeout(),
                "discovery at " + request.redactedUri() + " did not answer within " + options.discoveryTimeout());
        if (reply == null) {
            reply = CompletableFuture.failedFuture(new NullPointerException("the discovery adapter returned null"));
        }
        reply.whenComplete((r, e) -> execute(() -> onDiscoveryAnswer(gen, attempt, r, e)));
    }

    /** Scheduler thread: turns a discovery answer into a connection attempt, or a failure. */
    private void onDiscoveryAnswer(long gen, int attempt, DiscoveryReply reply, Throwable error) {
        if (!isCurrent(gen, DISCOVERY)) {
            return;
        }
        if (error == null && reply != null && !reply.ok() && fatal(reply)) {
            stats.discoveryFailures.increment();
            stopRefused(gen, reply);
            return;
        }
        ServerAddress address;
        try {
            address = addressOf(reply, error);
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
            link = new Link(this, gen, address.display(), options.maxInflatedBytes(), frameSink,
                    stats.extraFieldRecords);
            current = link;
        }
        emit(new ConnectionEvent.Connecting(attempt, address.display()));
        if (closed) {
            // The listener closed the client on Connecting (close() retired the link): open nothing.
            return;
        }
        CompletableFuture<SocketConnection> upgrade;
        try {
            upgrade = socket.connect(
                    new SocketRequest(address.uri(), options.connectTimeout(), options.maxMessageBytes()), link);
        } catch (RuntimeException e) {
            upgrade = CompletableFuture.failedFuture(e);
        }
        giveUpAfter(gen, UPGRADE, options.connectTimeout(),
                "connecting to " + address.display() + " did not complete within " + options.connectTimeout());
        if (upgrade == null) {
            upgrade = CompletableFuture.failedFuture(new NullPointerException("the socket adapter returned null"));
        }
        // Handled on the thread that completes the upgrade, before the adapter delivers any
        // message, so that the first frames find the link connected.
        upgrade.whenComplete((connection, e) -> onUpgrade(link, connection, e));
    }

    /** True when {@code refusal} cannot heal and the options say to stop on it; a throwing classifier counts as transient. */
    private boolean fatal(DiscoveryReply refusal) {
        if (options.retryFatalRefusals()) {
            return false;
        }
        try {
            return options.refusalClassifier().classify(refusal) == RefusalClassifier.Kind.FATAL;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "the refusal classifier failed; retrying: " + describe(e));
            return false;
        }
    }

    /** Scheduler thread: a fatal refusal ends the attempts; said once, with {@code Refused}. */
    private void stopRefused(long gen, DiscoveryReply refusal) {
        synchronized (lock) {
            if (closed || generation != gen || phase != Phase.DISCOVERING) {
                return;
            }
            phase = Phase.STOPPED;
        }
        String code = options.token().redact(String.valueOf(refusal.code()));
        String reason = "discovery refused for good: code=" + code + ", body=" + options.token().redact(refusal.body());
        LOG.log(System.Logger.Level.WARNING, () -> "jvq: " + reason + "; the client stops");
        emit(new ConnectionEvent.Refused(code, reason));
    }

    /**
     * The server address of a usable reply.
     *
     * @throws IllegalArgumentException saying what was wrong with the reply (token redacted)
     */
    private ServerAddress addressOf(DiscoveryReply reply, Throwable error) {
        if (error != null) {
            throw new IllegalArgumentException("discovery failed: " + describe(error));
        }
        if (reply == null) {
            throw new IllegalArgumentException("discovery failed: the adapter completed without a reply");
        }
        if (!reply.ok()) {
            throw new IllegalArgumentException("discovery refused: code=" + options.token().redact(reply.code())
                    + ", body=" + options.token().redact(reply.body()));
        }
        if (reply.server() == null || reply.server().isBlank()) {
            throw new IllegalArgumentException("discovery reply has no server address: body="
                    + options.token().redact(reply.body()));
        }
        try {
            return ServerAddress.of(reply.server(), options.token());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("discovery returned an unusable server address: " + e.getMessage());
        }
    }

    /** Adapter or scheduler thread: the upgrade finished; subscribe with {@code all=} and go live. */
    private void onUpgrade(Link link, SocketConnection connection, Throwable error) {
        if (error != null || connection == null) {
            String why = error != null ? describe(error) : "the socket adapter completed without a connection";
            ended(link.generation, UPGRADE, -1, "connecting to " + link.server + " failed: " + why, false);
            link.retire();
            return;
        }
        boolean live;
        synchronized (lock) {
            live = current == link && phase == Phase.CONNECTING;
            if (live) {
                link.attach(connection);
                phase = Phase.CONNECTED;
                failures = 0;
                stats.connections.increment();
                stats.feed.connectionOpened();
                // Under the lock: every change made before this point is in this all=, every later
                // one goes out as its own command after it.
                send(link, Command.all(subscriptions.snapshot()), null);
                startLiveness(link);
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
    }

    /**
     * Fails the attempt if it is still in {@code phases} well after the adapter's own timeout
     * (twice it, at most two seconds more): a safety net for an adapter that never answers.
     */
    private void giveUpAfter(long gen, Set<Phase> phases, Duration adapterTimeout, String reason) {
        Duration grace = adapterTimeout.compareTo(MAX_ADAPTER_GRACE) < 0 ? adapterTimeout : MAX_ADAPTER_GRACE;
        schedule(() -> ended(gen, phases, -1, reason, true), adapterTimeout.plus(grace).toMillis());
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
            failures++;
            attempt = failures;
            delay = options.reconnect().delayMillis(attempt, random);
            if (link != null) {
                stopLiveness(link);
                unanswered = link.replies.drainReplies();
            }
        }
        if (link != null) {
            SocketConnection connection = link.connection();
            if (abort && connection != null) {
                quietly("aborting the connection", connection::abort);
            }
            link.retire();
        }
        failAll(unanswered, "the connection ended before the server replied: " + reason);
        LOG.log(System.Logger.Level.INFO, () -> "jvq: " + reason + " (close code " + closeCode
                + "); attempt " + attempt + " in " + delay + " ms");
        stats.reconnects.increment();
        stats.feed.connectionEnded();
        emit(new ConnectionEvent.Disconnected(closeCode, reason));
        emit(new ConnectionEvent.ReconnectScheduled(attempt, delay));
        synchronized (lock) {
            if (!closed && phase == Phase.WAITING && generation == gen) {
                reconnectTask = schedule(this::beginAttempt, delay);
            }
        }
    }

    // ---- the link's callbacks (adapter threads) ----------------------------------------------

    void onFrame(Link link, ByteBuffer frame) {
        if (current != link) {
            return;
        }
        link.touch();
        stats.framesReceived.increment();
        stats.bytesReceived.add(frame.remaining());
        stats.feed.frameReceived();
        stats.feed.frameDecoded(link.decode(frame));
    }

    /** Every event decoded from a frame; dropped once the client is closed. */
    void onDecoded(JvqEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof DecodeError) {
            stats.decodeErrors.increment();
        }
        dispatcher.dispatch(event);
    }

    void onText(Link link, String text) {
        if (current != link) {
            return;
        }
        link.touch();
        ReplyQueue.Pending answered;
        synchronized (lock) {
            if (current != link) {
                return;
            }
            answered = link.replies.answer(text);
        }
        emit(new ServerText(text));
        if (answered != null && answered.reply() != null) {
            answered.reply().complete(text);
        }
    }

    void onPong(Link link) {
        if (current == link) {
            link.touch();
        }
    }

    void onClosed(Link link, int code, String reason) {
        String why = reason == null || reason.isBlank() ? "" : ": " + options.token().redact(reason);
        ended(link.generation, LINKED, code, "the server closed the connection (" + code + ")" + why, false);
        link.retire();
    }

    void onFailed(Link link, Throwable error) {
        ended(link.generation, LINKED, -1, "the connection failed: " + describe(error), false);
        link.retire();
    }

    // ---- liveness ---------------------------------------------------------------------------

    /** Under the lock, when the link goes live. */
    private void startLiveness(Link link) {
        long ping = options.pingInterval().toMillis();
        if (ping > 0) {
            link.pingTask = scheduleAtFixedRate(() -> ping(link), ping);
        }
        if (options.idleTimeout().toNanos() > 0) {
            link.idleTask = schedule(() -> checkIdle(link), options.idleTimeout().toMillis());
        }
    }

    /** Under the lock. */
    private static void stopLiveness(Link link) {
        if (link.pingTask != null) {
            link.pingTask.cancel(false);
        }
        if (link.idleTask != null) {
            link.idleTask.cancel(false);
        }
    }

    private void ping(Link link) {
        SocketConnection connection = link.connection();
        if (current != link || connection == null) {
            return;
        }
        try {
            connection.sendPing();
        } catch (RuntimeException e) {
            ended(link.generation, OPEN, -1, "sending a ping failed: " + describe(e), true);
        }
    }

    /** Scheduler thread: aborts a connection that has been silent too long, else checks again later. */
    private void checkIdle(Link link) {
        long idle = options.idleTimeout().toNanos();
        long silent = System.nanoTime() - link.lastSeenNanos();
        if (silent >= idle) {
            ended(link.generation, OPEN, -1, "nothing received for " + TimeUnit.NANOSECONDS.toMillis(silent)
                    + " ms (idle timeout " + options.idleTimeout().toMillis() + " ms): connection aborted", true);
            return;
        }
        synchronized (lock) {
            if (current == link && phase == Phase.CONNECTED) {
                link.idleTask = schedule(() -> checkIdle(link), TimeUnit.NANOSECONDS.toMillis(idle - silent) + 1);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * Under the lock: sends {@code command} on the live {@code link} and queues it for its reply.
     * A failed send ends the connection from the scheduler thread (never inside this lock).
     */
    private void send(Link link, Command command, CompletableFuture<String> reply) {
        for (Command chunk : chunker.split(command)) {
            sendOne(link, chunk, reply);
        }
    }

    /** Under the lock: one text frame of at most the options' command size. */
    private void sendOne(Link link, Command command, CompletableFuture<String> reply) {
        link.replies.sent(command, reply);
        CompletableFuture<Void> written;
        try {
            written = link.connection().sendText(command.encode());
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        if (written == null) {
            return;
        }
        written.whenComplete((ok, error) -> {
            if (error != null) {
                String reason = "sending " + command.verb().wire() + " failed: " + describe(error);
                execute(() -> ended(link.generation, OPEN, -1, reason, true));
            }
        });
    }

    private boolean isCurrent(long gen, Set<Phase> phases) {
        synchronized (lock) {
            return !closed && generation == gen && phases.contains(phase);
        }
    }

    /** Connection events stop at close: {@code Closed} is the last one. */
    private void emit(ConnectionEvent event) {
        if (!closed) {
            dispatcher.dispatch(event);
        }
    }

    private void reportSinkFailure(JvqEvent record, Throwable error) {
        if (!closed) {
            dispatcher.dispatch(new ListenerFailure(record, error));
        }
    }

    private void emit(ServerText text) {
        if (!closed) {
            dispatcher.dispatch(text);
        }
    }

    private void execute(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed: the task has nothing left to do.
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long periodMillis) {
        try {
            return scheduler.scheduleAtFixedRate(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("client is closed");
        }
    }

    private static List<SubscriptionCode> checked(Collection<SubscriptionCode> codes) {
        if (codes == null) {
            throw new NullPointerException("codes");
        }
        List<SubscriptionCode> copy = new ArrayList<>(codes.size());
        int index = 0;
        for (SubscriptionCode code : codes) {
            if (code == null) {
                throw new NullPointerException("subscription code at index " + index + " is null");
            }
            copy.add(code);
            index++;
        }
        return copy;
    }

    private static void failAll(List<CompletableFuture<String>> replies, String why) {
        for (CompletableFuture<String> reply : replies) {
            reply.completeExceptionally(new IllegalStateException(why));
        }
    }

    /** A failure as text for people, token redacted. */
    private String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return options.token().redact(text);
    }

    private void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> what + " failed: " + describe(e));
        }
    }
}
