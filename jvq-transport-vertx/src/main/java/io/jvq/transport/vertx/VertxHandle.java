package io.jvq.transport.vertx;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Vert.x instance the ports run on: either the user's, which jvq never closes, or jvq's own,
 * created on first use and closed when the last port holding it is closed (the socket and the
 * discovery port of one client share one instance). A port that takes hold after that gets a
 * fresh instance.
 */
final class VertxHandle {
    private static final Logger LOG = LoggerFactory.getLogger(VertxHandle.class);
    /** How long {@link #release()} waits for an owned instance to stop, when called off Vert.x threads. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final boolean owned;
    private Vertx vertx;
    private int holders;

    private VertxHandle(Vertx vertx, boolean owned) {
        this.vertx = vertx;
        this.owned = owned;
    }

    /** The user's instance: used, never closed. */
    static VertxHandle borrowed(Vertx vertx) {
        return new VertxHandle(Objects.requireNonNull(vertx, "vertx"), false);
    }

    /** An instance of jvq's own, created when first needed. */
    static VertxHandle owned() {
        return new VertxHandle(null, true);
    }

    boolean isOwned() {
        return owned;
    }

    /** Registers one more port that will {@link #release()} this handle. */
    synchronized VertxHandle retain() {
        holders++;
        return this;
    }

    /** The instance; creates the owned one when there is none, for the ports that hold the handle. */
    synchronized Vertx vertx() {
        if (owned && holders == 0) {
            throw new IllegalStateException("no open port holds this Vert.x handle");
        }
        if (vertx == null) {
            vertx = OwnedVertx.create();
        }
        return vertx;
    }

    /** A fresh event-loop context: callbacks for one connection or call run there, one at a time. */
    Context newEventLoopContext() {
        return VertxInternals.newEventLoopContext(vertx());
    }

    /**
     * One holder is done. The last one closes an owned instance; off Vert.x threads it waits (a
     * bounded time) until its threads are gone, on a Vert.x thread it only starts the close.
     */
    void release() {
        Vertx toClose;
        synchronized (this) {
            if (holders == 0 || --holders > 0 || !owned) {
                return;
            }
            toClose = vertx;
            vertx = null;
        }
        if (toClose == null) {
            return;
        }
        var closing = toClose.close().toCompletionStage().toCompletableFuture();
        if (Context.isOnVertxThread()) {
            closing.whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("closing jvq's Vert.x instance failed", error);
                }
            });
            return;
        }
        try {
            closing.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("closing jvq's Vert.x instance did not finish cleanly", e);
        }
    }
}
