package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One connection attempt's steps: discovery → connect → go live, with the give-up timers that
 * catch an adapter that never answers. Keeps no state of its own: each step's change of the
 * lifecycle state (a new generation, the link, going live) is a {@link ClientSession} transition
 * under the session's lock, which also says whether the attempt is still current; the ports and
 * the listener are called here, outside it.
 */
final class Attempts {
    private static final System.Logger LOG = System.getLogger(JvqClient.class.getName());
    /** The most the session waits past an adapter's own timeout before giving up on it itself. */
    private static final Duration MAX_ADAPTER_GRACE = Duration.ofSeconds(2);

    /** An attempt that has begun: its generation, and the number it reports (failures since the last good connection). */
    record Started(long generation, int number) {
    }

    private final ClientSession session;
    private final ClientOptions options;
    private final SocketPort socket;
    private final DiscoveryPort discovery;
    private final DiscoveryAnswer answers;
    private final SessionScheduler scheduler;
    private final StatsCounters stats;
    private final ConnectionWaiters waiters;

    Attempts(ClientSession session, ClientOptions options, SocketPort socket, DiscoveryPort discovery,
             DiscoveryAnswer answers, SessionScheduler scheduler, StatsCounters stats, ConnectionWaiters waiters) {
        this.session = session;
        this.options = options;
        this.socket = socket;
        this.discovery = discovery;
        this.answers = answers;
        this.scheduler = scheduler;
        this.stats = stats;
        this.waiters = waiters;
    }

    /** Scheduler thread: asks discovery for a server, for a new attempt. */
    void begin() {
        Started started = session.discovering();
        if (started == null) {
            return;
        }
        long gen = started.generation();
        session.emit(new ConnectionEvent.Discovering(started.number()));
        if (session.isClosed()) {
            return;
        }
        DiscoveryRequest request = new DiscoveryRequest(options.discoveryUrl(), options.market(), "websocket",
                options.token(), options.discoveryTimeout());
        CompletableFuture<DiscoveryReply> reply = AdapterCalls.call(() -> discovery.discover(request), "discovery");
        giveUpAfter(gen, ClientSession.DISCOVERY, options.discoveryTimeout(),
                "discovery at " + request.redactedUri() + " did not answer within " + options.discoveryTimeout());
        reply.whenComplete((r, e) -> scheduler.execute(() -> onDiscoveryAnswer(gen, started.number(), r, e)));
    }

    /** Scheduler thread: turns a discovery answer into a connection attempt, or a failure. */
    private void onDiscoveryAnswer(long gen, int attempt, @Nullable DiscoveryReply reply, @Nullable Throwable error) {
        if (!session.isCurrent(gen, ClientSession.DISCOVERY)) {
            return;
        }
        if (reply != null && answers.fatal(reply, error)) {
            stats.discoveryFailures.increment();
            session.stop(gen, ClientSession.DISCOVERY, answers.refused(reply), null);
            return;
        }
        ServerAddress address;
        try {
            address = answers.serverOf(reply, error);
        } catch (IllegalArgumentException e) {
            stats.discoveryFailures.increment();
            session.ended(gen, ClientSession.DISCOVERY, -1, String.valueOf(e.getMessage()), false);
            return;
        }
        Link link = session.connecting(gen, address.display());
        if (link == null) {
            return;
        }
        session.emit(new ConnectionEvent.Connecting(attempt, address.display()));
        if (session.isClosed()) {
            // The listener closed the client on Connecting (close() retired the link): open nothing.
            return;
        }
        SocketRequest request = new SocketRequest(address.uri(), options.connectTimeout(), options.maxMessageBytes());
        CompletableFuture<SocketConnection> upgrade = AdapterCalls.call(() -> socket.connect(request, link), "socket");
        giveUpAfter(gen, ClientSession.UPGRADE, options.connectTimeout(),
                "connecting to " + address.display() + " did not complete within " + options.connectTimeout());
        // Handled on the thread that completes the upgrade, before the adapter delivers any
        // message, so that the first frames find the link connected.
        upgrade.whenComplete((connection, e) -> onUpgrade(link, connection, e));
    }

    /** Adapter or scheduler thread: the upgrade finished; subscribe with {@code all=} and go live. */
    private void onUpgrade(Link link, @Nullable SocketConnection connection, @Nullable Throwable error) {
        if (error != null || connection == null) {
            String why = error != null ? FailureText.of(error, options.token())
                    : "the socket adapter completed without a connection";
            session.ended(link.generation, ClientSession.UPGRADE, -1, "connecting to " + link.server + " failed: " + why, false);
            return;
        }
        if (!session.goLive(link, connection)) {
            // Closed or given up on meanwhile: this connection is not wanted.
            AdapterCalls.quietly(options.token(), "closing a superseded connection", () -> connection.close(1000, "superseded"));
            link.retire();
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "connected to " + link.server);
        session.emit(new ConnectionEvent.Connected(link.server));
        // After the listener has heard Connected (with direct dispatch), outside the lock: what
        // waits on the future may call the client at once.
        waiters.opened(link.server);
    }

    /**
     * Fails the attempt if it is still in {@code phases} well after the adapter's own timeout
     * (twice it, at most two seconds more): a safety net for an adapter that never answers.
     */
    private void giveUpAfter(long gen, Set<ClientSession.Phase> phases, Duration adapterTimeout, String reason) {
        Duration grace = adapterTimeout.compareTo(MAX_ADAPTER_GRACE) < 0 ? adapterTimeout : MAX_ADAPTER_GRACE;
        scheduler.schedule(() -> session.ended(gen, phases, -1, reason, true), adapterTimeout.plus(grace));
    }
}
