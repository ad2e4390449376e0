package io.jvq.transport.vertx;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.spi.VertxThreadFactory;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Every use of Vert.x's internal API in this module, each with the public API whose absence
 * makes it necessary. {@code VertxInternalsTest} checks each one against the Vert.x on the class
 * path, so an upgrade that removes one fails there, by name, not somewhere in a connection.
 */
final class VertxInternals {
    /** The prefix of the threads of a Vert.x instance jvq creates itself. */
    static final String THREAD_PREFIX = "jvq-";

    private VertxInternals() {
    }

    /**
     * A fresh event-loop context, so that one connection's (or one call's) callbacks run on one
     * context. Missing public API: {@code Vertx.getOrCreateContext()} returns the caller's context
     * (or one shared by all non-Vert.x callers), never a new one.
     */
    static Context newEventLoopContext(Vertx vertx) {
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    /**
     * The message's bytes as a ByteBuffer without copying: Vert.x's whole-message buffers are
     * single heap arrays, so {@code nioBuffer()} wraps that array. Writable on purpose: a read-only
     * heap buffer hides its array, and {@code Inflater.setInput} would copy it again. Missing
     * public API: {@code Buffer} offers only copies ({@code getBytes()}, {@code getByteBuf()} is gone in 5).
     */
    static ByteBuffer view(Buffer message) {
        return ((BufferInternal) message).getByteBuf().nioBuffer();
    }

    /**
     * Closes the TCP connection under a WebSocket, no close frame sent or awaited. Missing public
     * API: {@code close()} always starts the closing handshake and waits up to the closing
     * timeout, and even {@code channel().close()} passes through Vert.x's handler, which turns it
     * into a close frame; closing from Vert.x's own handler context goes straight to the socket.
     */
    static void dropChannel(WebSocket socket) {
        ((WebSocketInternal) socket).channelHandlerContext().close();
    }

    /**
     * A Vert.x instance whose threads are named {@code jvq-vert.x-…}, so that a thread dump says
     * who started them. Missing public API: Vert.x 5 has no public way to name its threads; the
     * bootstrap SPI takes a thread factory. Throws a {@link LinkageError} on the module path, where
     * Vert.x does not export {@code VertxThread}.
     */
    static Vertx namedVertx(VertxOptions options) {
        return VertxBootstrap.create()
                .options(options)
                .threadFactory(new PrefixedThreads())
                .init()
                .vertx();
    }

    private static final class PrefixedThreads implements VertxThreadFactory {
        @Override
        public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
                                          TimeUnit maxExecTimeUnit) {
            return VertxThreadFactory.super.newVertxThread(target, THREAD_PREFIX + name, worker, maxExecTime,
                    maxExecTimeUnit);
        }
    }
}
