package io.jvq.transport.vertx;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.TrustOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The socket port on Vert.x 5's {@link WebSocketClient}: {@code ws://} and {@code wss://}.
 * <p>
 * Listener calls for a connection run on one Vert.x event-loop thread, in order. Messages arrive
 * whole (continuation frames joined) up to {@link SocketRequest#maxMessageBytes()}; Vert.x
 * answers the server's pings by itself. TLS trusts the JVM's default trust store unless
 * {@link Builder#trustOptions(TrustOptions)} says otherwise.
 */
public final class VertxSocketPort implements SocketPort {
    private static final Logger LOG = LoggerFactory.getLogger(VertxSocketPort.class);
    /** Vert.x's own handshake and TCP connect timers fire this much after ours, only to free the socket. */
    private static final long BACKSTOP_MILLIS = 1_000;
    /**
     * How long a connection we closed waits for the server's close frame before dropping TCP (Vert.x
     * waits 10 s by default, and closing the port waits for it): a server that has not answered in
     * this time is not going to, and the client's close should not hang on it.
     */
    private static final int CLOSE_HANDSHAKE_SECONDS = 2;

    private final VertxHandle vertx;
    private final TrustOptions trustOptions;
    private final boolean verifyHost;
    /** One client per limit set; a jvq client uses one. */
    private final Map<Limits, WebSocketClient> clients = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private boolean closed;

    private record Limits(int maxMessageBytes, long connectTimeoutMillis) {
    }

    VertxSocketPort(VertxHandle vertx, TrustOptions trustOptions, boolean verifyHost) {
        this.vertx = vertx.retain();
        this.trustOptions = trustOptions;
        this.verifyHost = verifyHost;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        WebSocketConnectOptions options;
        Context context;
        WebSocketClient client;
        try {
            options = connectOptions(request);
            synchronized (lifecycle) {
                if (closed) {
                    throw new IllegalStateException("the Vert.x socket port is closed");
                }
                context = vertx.newEventLoopContext();
                client = clients.computeIfAbsent(limits(request), this::newClient);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        VertxSocketConnection connection =
                new VertxSocketConnection(client.webSocket(), listener, request, context);
        // Started on the connection's own context, so its callbacks are in place before Vert.x completes.
        context.runOnContext(ignored -> connection.open(options, request.connectTimeout()));
        LOG.debug("connecting to {}", request.redactedUri());
        return connection.opened();
    }

    private static Limits limits(SocketRequest request) {
        return new Limits(request.maxMessageBytes(), Math.max(1, request.connectTimeout().toMillis()));
    }

    private WebSocketClient newClient(Limits limits) {
        int backstop = (int) Math.min(Integer.MAX_VALUE, limits.connectTimeoutMillis() + BACKSTOP_MILLIS);
        WebSocketClientOptions options = new WebSocketClientOptions()
                // One frame may be a whole message, and a message may be as large as the limit.
                .setMaxFrameSize(limits.maxMessageBytes())
                .setMaxMessageSize(limits.maxMessageBytes())
                .setConnectTimeout(backstop)
                .setClosingTimeout(CLOSE_HANDSHAKE_SECONDS)
                .setVerifyHost(verifyHost);
        if (trustOptions != null) {
            options.setTrustOptions(trustOptions);
        }
        return vertx.vertx().createWebSocketClient(options);
    }

    static WebSocketConnectOptions connectOptions(SocketRequest request) {
        URI uri = request.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls;
        if (scheme.equals("ws")) {
            tls = false;
        } else if (scheme.equals("wss")) {
            tls = true;
        } else {
            throw new IllegalArgumentException("a WebSocket URI starts with ws:// or wss://, got " + request.redactedUri());
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the WebSocket URI has no host: " + request.redactedUri());
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        long backstop = Math.max(1, request.connectTimeout().toMillis()) + BACKSTOP_MILLIS;
        return new WebSocketConnectOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(tls)
                .setURI(target)
                .setTimeout(backstop);
    }

    /** Closes the WebSocket clients (and their connections) and, if jvq created it, the Vert.x instance. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        clients.values().forEach(client -> client.close()
                .onFailure(e -> LOG.debug("closing a WebSocket client: {}", e.toString())));
        clients.clear();
        vertx.release();
    }

    /** Settings for a {@link VertxSocketPort}; none is required. */
    public static final class Builder {
        private Vertx vertx;
        private TrustOptions trustOptions;
        private boolean verifyHost = true;

        private Builder() {
        }

        /** Runs on the caller's Vert.x instance, which the port then never closes. By default it creates its own. */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** Whom {@code wss://} trusts, e.g. a {@code PemTrustOptions}; by default the JVM's trust store. */
        public Builder trustOptions(TrustOptions trustOptions) {
            this.trustOptions = Objects.requireNonNull(trustOptions, "trustOptions");
            return this;
        }

        /** Whether the server certificate must name the host connected to; on by default. */
        public Builder verifyHost(boolean verifyHost) {
            this.verifyHost = verifyHost;
            return this;
        }

        public VertxSocketPort build() {
            return new VertxSocketPort(vertx == null ? VertxHandle.owned() : VertxHandle.borrowed(vertx),
                    trustOptions, verifyHost);
        }
    }
}
