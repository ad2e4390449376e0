package io.jvq.core.client;

import io.jvq.core.Token;
import io.jvq.core.port.SocketConnection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Keeps a live connection honest: a ping every interval, and an abort once nothing at all (frame,
 * text or pong) has come for the idle timeout while the reader was free to take it. Time the reader
 * spends in the listener (or blocked on a full hand-off) does not count: a slow consumer never makes
 * the client cut its own feed. The timers belong to the link; retiring it stops them.
 */
final class Liveness {
    private final SessionScheduler scheduler;
    private final Duration pingInterval;
    private final Duration idleTimeout;
    private final Token token;
    /** Ends a link's connection with an abort, saying why. */
    private final BiConsumer<Link, String> abort;

    Liveness(SessionScheduler scheduler, ClientOptions options, BiConsumer<Link, String> abort) {
        this.scheduler = scheduler;
        this.pingInterval = options.pingInterval();
        this.idleTimeout = options.idleTimeout();
        this.token = options.token();
        this.abort = abort;
    }

    /** The link has gone live: start its ping and idle timers. */
    void start(Link link) {
        if (pingInterval.toMillis() > 0) {
            link.pingTimer(scheduler.scheduleAtFixedRate(() -> ping(link), pingInterval));
        }
        if (idleTimeout.toNanos() > 0) {
            link.idleTimer(scheduler.schedule(() -> checkIdle(link), idleTimeout));
        }
    }

    private void ping(Link link) {
        SocketConnection connection = link.connection();
        if (link.retired() || connection == null) {
            return;
        }
        try {
            connection.sendPing();
        } catch (RuntimeException e) {
            abort.accept(link, "sending a ping failed: " + FailureText.of(e, token));
        }
    }

    /**
     * Aborts a connection that has been silent too long, else checks again when it would be. A
     * reader held by the listener or a blocking hand-off is not silence: frames wait in the socket
     * behind it, and cutting the connection would lose them. The clock starts again when it lets go.
     */
    private void checkIdle(Link link) {
        long idle = idleTimeout.toNanos();
        if (link.holdingReader()) {
            link.idleTimer(scheduler.schedule(() -> checkIdle(link), idleTimeout));
            return;
        }
        long silent = scheduler.nanoTime() - link.lastSeenNanos();
        if (silent >= idle) {
            abort.accept(link, "nothing received for " + TimeUnit.NANOSECONDS.toMillis(silent)
                    + " ms (idle timeout " + idleTimeout.toMillis() + " ms): connection aborted");
            return;
        }
        link.idleTimer(scheduler.schedule(() -> checkIdle(link), Duration.ofNanos(idle - silent)));
    }
}
