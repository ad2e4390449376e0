package io.jvq.transport.vertx;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The internal Vert.x API this module relies on (all of it in {@link VertxInternals}) is still
 * there: after a Vert.x upgrade, a failure here names the class or method that went away.
 */
class VertxInternalsTest {

    @Test
    void everyInternalClassAndMethodUsedStillExists() {
        requireMethod("io.vertx.core.internal.VertxInternal", "createEventLoopContext");
        requireMethod("io.vertx.core.internal.buffer.BufferInternal", "getByteBuf");
        requireMethod("io.vertx.core.internal.http.WebSocketInternal", "channelHandlerContext");
        requireMethod("io.vertx.core.internal.VertxBootstrap", "threadFactory",
                io.vertx.core.spi.VertxThreadFactory.class);
        requireClass("io.vertx.core.impl.VertxThread");
    }

    @Test
    void aNewEventLoopContextIsNotTheCallersAndRunsTasks() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context first = VertxInternals.newEventLoopContext(vertx);
            Context second = VertxInternals.newEventLoopContext(vertx);
            CompletableFuture<Boolean> ran = new CompletableFuture<>();

            first.runOnContext(ignored -> ran.complete(Context.isOnEventLoopThread()));

            assertThat(first).isNotSameAs(second);
            assertThat(ran.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void viewSharesTheBuffersBytesWithoutACopy() {
        Buffer buffer = Buffer.buffer("quote".getBytes(StandardCharsets.US_ASCII));

        ByteBuffer view = VertxInternals.view(buffer);
        view.put(0, (byte) 'Q');

        assertThat(buffer.toString(StandardCharsets.US_ASCII)).isEqualTo("Quote");
    }

    @Test
    void namedVertxThreadsCarryTheJvqPrefix() throws Exception {
        Vertx vertx = VertxInternals.namedVertx(OwnedVertx.options());
        try {
            CompletableFuture<String> name = new CompletableFuture<>();
            vertx.runOnContext(ignored -> name.complete(Thread.currentThread().getName()));

            assertThat(name.get(5, TimeUnit.SECONDS)).startsWith(VertxInternals.THREAD_PREFIX + "vert.x-eventloop");
        } finally {
            vertx.close().await();
        }
    }

    private static Class<?> requireClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return fail("Vert.x no longer has " + name + ", which VertxInternals uses: find its public replacement", e);
        }
    }

    private static void requireMethod(String type, String method, Class<?>... parameters) {
        try {
            requireClass(type).getMethod(method, parameters);
        } catch (NoSuchMethodException e) {
            fail("Vert.x's " + type + " no longer has " + method + "(), which VertxInternals uses", e);
        }
    }
}
