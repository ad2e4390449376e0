package io.jvq.transport.jdk;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;
import io.jvq.core.wire.NamedThreads;
import org.jspecify.annotations.Nullable;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLContext;

/**
 * {@link SocketPort} on the JDK's {@link java.net.http.WebSocket}: {@code ws://} and {@code wss://},
 * with nothing on the class path but the JDK and jvq-core.
 *
 * <p>Threads, all daemon and started with the first connect: the HTTP client's selector thread
 * (the JDK names it {@code HttpClient-n-SelectorManager}), which does the I/O; {@code jvq-jdk-ws-n}
 * threads (a cached pool, idle ones end after 30 s), on which the JDK calls the listener, one call
 * at a time per connection; and one {@code jvq-jdk-control-n} thread for connect and close timers,
 * abort and this port's close. Closing the port ends the last two at once; on JDK 17 the selector
 * thread ends when the garbage collector takes the client, on 21 and later at once.
 *
 * <p>Memory. The JDK reads into buffers of its own and hands a message over in parts as they
 * arrive; a message in one part reaches the listener without a copy, one in several parts is
 * joined into a per-connection buffer that grows to the largest such message (at most
 * {@link SocketRequest#maxMessageBytes()}).
 */
public final class JdkSocketPort implements SocketPort {
    private final OwnedHttpClient client;
    private final Set<JdkSocketConnection> live = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private @Nullable ScheduledThreadPoolExecutor controlThread;
    private boolean closed;

    private JdkSocketPort(Builder builder) {
        SSLContext tls = builder.sslContext;
        this.client = new OwnedHttpClient("jvq-jdk-ws", http -> {
            if (tls != null) {
                http.sslContext(tls);
            }
        });
    }

    /** A port with the JDK's default trust for {@code wss://}. */
    public static JdkSocketPort create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<SocketConnection> connect(SocketRequest request, SocketListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        String scheme = request.uri().getScheme() == null ? "" : request.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "a WebSocket URI starts with ws:// or wss://, got " + request.redactedUri()));
        }
        HttpClient http;
        ScheduledThreadPoolExecutor control;
        JdkSocketConnection[] self = new JdkSocketConnection[1];
        synchronized (lock) {
            http = closed ? null : client.get();
            if (http == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("the JDK socket port is closed"));
            }
            control = control();
            self[0] = new JdkSocketConnection(request, listener, control, () -> live.remove(self[0]));
            live.add(self[0]);
        }
        JdkSocketConnection connection = self[0];
        // A failed attempt reports nothing later, so nothing will take it out of the live set.
        connection.opened().whenComplete((opened, error) -> {
            if (error != null) {
                live.remove(connection);
            }
        });
        connection.open(http);
        return connection.opened();
    }

    private ScheduledThreadPoolExecutor control() {
        ScheduledThreadPoolExecutor control = controlThread;
        if (control == null) {
            control = new ScheduledThreadPoolExecutor(1, new NamedThreads("jvq-jdk-control"));
            control.setRemoveOnCancelPolicy(true);
            control.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            controlThread = control;
        }
        return control;
    }

    /**
     * Drops every open connection (a connection still open is told {@code onError}; one we were
     * closing, {@code onClose} with our code) and ends the port's threads. Idempotent.
     */
    @Override
    public void close() {
        ScheduledThreadPoolExecutor control;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            control = controlThread;
            controlThread = null;
        }
        for (JdkSocketConnection connection : List.copyOf(live)) {
            connection.portClosed();
        }
        live.clear();
        if (control != null) {
            control.shutdownNow();
        }
        client.close();
    }

    @Override
    public String toString() {
        return "JdkSocketPort[" + live.size() + " open]";
    }

    /** Settings for a {@link JdkSocketPort}; none is required. */
    public static final class Builder {
        private @Nullable SSLContext sslContext;

        private Builder() {
        }

        /** Whom {@code wss://} trusts; by default the JDK's default context. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        public JdkSocketPort build() {
            return new JdkSocketPort(this);
        }
    }
}
