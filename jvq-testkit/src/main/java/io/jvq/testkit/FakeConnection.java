package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.http.WebSocketInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One accepted WebSocket: its subscription, and the ways a test makes it misbehave. */
final class FakeConnection {
    private static final Logger LOG = LoggerFactory.getLogger(FakeConnection.class);

    final int id;
    private final ServerWebSocket socket;
    /** Guarded by this; insertion order is the subscription order {@code list} reports. */
    private final Set<SubscriptionCode> subscription = new LinkedHashSet<>();
    /**
     * The subscription's wire codes, a fresh immutable set after each command: a frame sender reads
     * it without a lock, and the same set object until the subscription changes lets a prepared frame
     * find the bytes it made for it by identity instead of hashing thousands of codes per frame.
     */
    private volatile Set<String> wireCodes = Set.of();
    private volatile boolean stalled;
    private volatile boolean open = true;

    FakeConnection(int id, ServerWebSocket socket) {
        this.id = id;
        this.socket = socket;
    }

    /** Applies a command on the event loop and returns the one reply (see {@link SubscriptionCommands}). */
    synchronized String apply(String command) {
        String reply = SubscriptionCommands.apply(command, subscription);
        if (!command.equals("list") && !reply.startsWith(SubscriptionCommands.ERROR_PREFIX)) {
            wireCodes = subscription.stream().map(SubscriptionCode::wire).collect(Collectors.toUnmodifiableSet());
        }
        return reply;
    }

    synchronized List<SubscriptionCode> subscription() {
        return List.copyOf(subscription);
    }

    /** The subscription's wire codes; the same object until a command changes them. */
    Set<String> subscribedWireCodes() {
        return wireCodes;
    }

    boolean isOpen() {
        return open;
    }

    boolean isStalled() {
        return stalled;
    }

    void markClosed() {
        open = false;
    }

    /** Sends one final text frame; false (and nothing sent) when stalled or closed. */
    boolean sendText(String text) {
        return send(WebSocketFrame.textFrame(text, true), "text");
    }

    /** Sends {@code bytes} as one final binary frame, never fragmented. */
    boolean sendBinary(byte[] bytes) {
        return send(WebSocketFrame.binaryFrame(Buffer.buffer(bytes), true), "binary");
    }

    private boolean send(WebSocketFrame frame, String kind) {
        if (stalled || !open) {
            LOG.debug("connection {}: {} frame not sent ({})", id, kind, stalled ? "stalled" : "closed");
            return false;
        }
        try {
            socket.writeFrame(frame).onFailure(e -> LOG.debug("connection {}: {} frame lost: {}", id, kind, e.toString()));
            return true;
        } catch (IllegalStateException closedMeanwhile) {
            LOG.debug("connection {}: {} frame not sent: {}", id, kind, closedMeanwhile.toString());
            return false;
        }
    }

    /** Starts the closing handshake with this code and reason. */
    void close(int code, String reason) {
        socket.close((short) code, reason);
    }

    /**
     * Drops the TCP connection with no close frame, by a reset (SO_LINGER 0), as a crashed peer or a
     * middlebox that lost the connection's state does. A reset rather than a FIN: the JDK 17 WebSocket
     * client was seen to miss a bare FIN now and then, which would test its liveness timers instead.
     * A plain {@code channel.close()} travels the whole pipeline, where Vert.x turns it into a polite
     * close frame; closing from the first handler's context goes straight to the socket.
     */
    void cut() {
        Channel channel = channel();
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        ChannelHandlerContext first = channel.pipeline().firstContext();
        if (first == null) {
            channel.close();
        } else {
            first.close();
        }
    }

    /**
     * Stops reading the socket, so the client's pings and commands wait unread in the TCP buffers
     * and nothing is answered, and stops sending. Vert.x answers pings itself as soon as it reads
     * them, before any handler sees them; not reading is the only way to leave them unanswered.
     */
    void stall() {
        stalled = true;
        onEventLoop(channel -> channel.config().setAutoRead(false));
    }

    /** Reads again: what waited in the buffers (pings included) is handled now. */
    void resume() {
        stalled = false;
        onEventLoop(channel -> channel.config().setAutoRead(true));
    }

    /** Runs {@code action} on the channel's event loop and waits (briefly) until it has run. */
    private void onEventLoop(Consumer<Channel> action) {
        Channel channel = channel();
        if (channel.eventLoop().inEventLoop()) {
            action.accept(channel);
            return;
        }
        try {
            channel.eventLoop().submit(() -> action.accept(channel)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing connection " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not change connection " + id + " on its event loop", e);
        }
    }

    private Channel channel() {
        if (socket instanceof WebSocketInternal internal) {
            return internal.channelHandlerContext().channel();
        }
        throw new UnsupportedOperationException("this Vert.x version does not expose the WebSocket's channel ("
                + socket.getClass().getName() + "); cutAll() and stall() need it");
    }
}
