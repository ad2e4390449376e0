package io.jvq.transport.tyrus;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;
import io.jvq.core.wire.NamedThreads;
import jakarta.websocket.ClientEndpointConfig;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * {@link SocketPort} on the Jakarta WebSocket client API, implemented by Tyrus with its Grizzly
 * client container.
 *
 * <p>Threads. Each connection gets its own Grizzly transport: one selector thread (Grizzly
 * names it {@code Grizzly(n) SelectorRunner}) that, once the upgrade succeeded, reads frames and
 * calls the {@link SocketListener}, one call at a time, and a small worker pool
 * ({@code jvq-tyrus-worker(n)}, 2 by default) that handles the upgrade (and every read, where the
 * transport cannot be switched to selector-thread reads: {@link SelectorThreadReads}); both end with
 * the connection. The port adds a cached pool of {@code jvq-tyrus-connect-n}
 * threads (Tyrus connects by blocking a thread until the upgrade answers; idle ones end after
 * 30 s) and one {@code jvq-tyrus-control-n} thread for connect timers, close, abort and Tyrus's
 * per-message session timer tasks. All daemon.
 *
 * <p>Memory. Tyrus reads a frame into a per-connection buffer that grows to the largest frame
 * seen (at most {@link SocketRequest#maxMessageBytes()} plus the frame header), then copies its
 * payload out; a fragmented message is joined into one more buffer of the message's size. In
 * all, about 3.5 bytes of short-lived garbage per payload byte received.
 *
 * <p>Create it with {@link #create()} or {@link #builder()}; close it when done (a
 * {@code JvqClient} closes the ports it was given).
 */
public final class TyrusSocketPort implements SocketPort {
    private static final long HANDSHAKE_BACKSTOP_MILLIS = 1_000;
    private static final long CLOSE_FLUSH_MILLIS = 1_000;
    /** The most a server frame header adds to its payload: 2 + 8 length bytes + 4 mask bytes. */
    private static final int FRAME_HEADER_BYTES = 14;

    private final SSLContext sslContext;
    private final SslEngineConfigurator sslEngineConfigurator;
    private final int workerThreads;
    private final Set<TyrusConnection> live = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private ExecutorService connectThreads;
    private ScheduledExecutorService controlThread;
    private boolean closed;

    private TyrusSocketPort(Builder builder) {
        this.sslContext = builder.sslContext;
        this.sslEngineConfigurator = builder.sslEngineConfigurator;
        this.workerThreads = builder.workerThreads;
        if (builder.capFrameworkLogging) {
            FrameworkLogCap.apply();
        }
    }

    /** A port with the JDK's default trust for {@code wss://}. */
    public static TyrusSocketPort create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        String scheme = request.uri().getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "WebSocket URI must be ws:// or wss://, got " + request.redactedUri()));
        }
        ExecutorService connector;
        ScheduledExecutorService control;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("TyrusSocketPort is closed"));
            }
            connector = connectThreads();
            control = controlThread();
        }
        TyrusConnection[] self = new TyrusConnection[1];
        TyrusConnection connection = new TyrusConnection(request, listener, control, () -> live.remove(self[0]));
        self[0] = connection;
        live.add(connection);
        ClientManager manager = clientManager(request, control, connector);
        ClientEndpointConfig config;
        try {
            config = ClientEndpointConfig.Builder.create()
                    .sslContext("wss".equalsIgnoreCase(scheme) ? tlsContext() : null)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            connection.connectFailed(e);
            return connection.opened();
        }
        config.getUserProperties().put(TransportHandle.PROPERTY, connection.transport());

        CompletableFuture<SocketConnection> opened = connection.opened();
        try {
            ScheduledFuture<?> timer = control.schedule(connection::connectTimedOut,
                    Math.max(1, request.connectTimeout().toMillis()), TimeUnit.MILLISECONDS);
            opened.whenComplete((c, e) -> timer.cancel(false));
            connector.execute(() -> {
                try {
                    manager.connectToServer(connection, config, request.uri());
                } catch (Exception | LinkageError e) {
                    connection.connectFailed(e);
                }
            });
        } catch (RejectedExecutionException e) {
            connection.connectFailed(new IllegalStateException("TyrusSocketPort is closed", e));
        }
        return opened;
    }

    private ClientManager clientManager(SocketRequest request, ScheduledExecutorService control,
                                        ExecutorService connector) {
        // One manager per connection: Tyrus reads timeouts and buffer limits from the manager's
        // properties, and these differ per request.
        ClientManager manager = ClientManager.createClient(HookedGrizzlyClientContainer.class.getName(),
                new SessionContainer(new SessionTimer(control), connector, request.maxMessageBytes()));
        var properties = manager.getProperties();
        // The port's own timer enforces connectTimeout and reports it as a SocketTimeoutException;
        // Tyrus's handshake timeout is only the backstop that frees its connect thread, so it must
        // not win the race (it would report a vaguer IOException).
        properties.put(ClientProperties.HANDSHAKE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE,
                Math.max(1, request.connectTimeout().toMillis()) + HANDSHAKE_BACKSTOP_MILLIS));
        properties.put(ClientProperties.INCOMING_BUFFER_SIZE,
                (int) Math.min(Integer.MAX_VALUE, (long) request.maxMessageBytes() + FRAME_HEADER_BYTES));
        properties.put(GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG, ThreadPoolConfig.defaultConfig().copy()
                .setPoolName("jvq-tyrus-worker").setCorePoolSize(workerThreads).setMaxPoolSize(workerThreads)
                .setDaemon(true));
        if (sslEngineConfigurator != null) {
            properties.put(ClientProperties.SSL_ENGINE_CONFIGURATOR, sslEngineConfigurator);
        }
        return manager;
    }

    private SSLContext tlsContext() throws NoSuchAlgorithmException {
        return sslContext != null ? sslContext : SSLContext.getDefault();
    }

    private ExecutorService connectThreads() {
        if (connectThreads == null) {
            connectThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), new NamedThreads("jvq-tyrus-connect"));
        }
        return connectThreads;
    }

    private ScheduledExecutorService controlThread() {
        if (controlThread == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new NamedThreads("jvq-tyrus-control"));
            executor.setRemoveOnCancelPolicy(true);
            controlThread = executor;
        }
        return controlThread;
    }

    /** Drops every connection still open (each reports {@code onError}), and ends the port's threads. */
    @Override
    public void close() {
        ExecutorService connector;
        ScheduledExecutorService control;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            connector = connectThreads;
            control = controlThread;
        }
        for (TyrusConnection connection : List.copyOf(live)) {
            connection.portClosed();
        }
        if (control != null) {
            control.shutdown();
            // Let close frames already queued be written before the pools go: interrupting the
            // connect pool below while one is in flight makes the server see 1006, not our code.
            awaitQuietly(control, CLOSE_FLUSH_MILLIS);
        }
        if (connector != null) {
            // Interrupting a thread that waits for an upgrade makes Tyrus give up on it.
            connector.shutdownNow();
        }
    }

    private static void awaitQuietly(ExecutorService executor, long millis) {
        try {
            executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private SSLContext sslContext;
        private SslEngineConfigurator sslEngineConfigurator;
        private int workerThreads = 2;
        private boolean capFrameworkLogging = true;

        private Builder() {
        }

        /** Trust (and client keys) for {@code wss://}; default: the JDK's default context. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Full Tyrus TLS configuration (host name verification, client auth); takes precedence
         * over {@link #sslContext}.
         */
        public Builder sslEngineConfigurator(SslEngineConfigurator configurator) {
            this.sslEngineConfigurator = Objects.requireNonNull(configurator, "configurator");
            return this;
        }

        /** Grizzly worker threads per connection (they handle the upgrade, and reads where they cannot move to the selector thread); default 2. */
        public Builder workerThreads(int workerThreads) {
            if (workerThreads < 1) {
                throw new IllegalArgumentException("workerThreads must be at least 1, got " + workerThreads);
            }
            this.workerThreads = workerThreads;
            return this;
        }

        /**
         * Leaves the java.util.logging levels of {@code org.glassfish.tyrus} and
         * {@code org.glassfish.grizzly} alone. By default a port holds them at INFO unless the
         * application set them, because below INFO they log the URI with its token.
         */
        public Builder keepFrameworkLogLevels() {
            this.capFrameworkLogging = false;
            return this;
        }

        public TyrusSocketPort build() {
            return new TyrusSocketPort(this);
        }
    }
}
