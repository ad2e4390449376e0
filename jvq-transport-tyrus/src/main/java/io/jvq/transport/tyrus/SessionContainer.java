package io.jvq.transport.tyrus;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import org.glassfish.tyrus.core.BaseContainer;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@link jakarta.websocket.WebSocketContainer} Tyrus hands to a session. It exists for its
 * executors: a Tyrus session schedules an idle-timeout task on every message sent or received,
 * even with the idle timeout off, and by default each {@code ClientManager} starts a pool of ten
 * threads for it. Here those tasks (no-ops, since the idle timeout stays off: the core watches
 * liveness itself) run on the port's one control thread instead.
 */
final class SessionContainer extends BaseContainer {
    private final ScheduledExecutorService scheduler;
    private final ExecutorService executor;
    private volatile int maxBinaryMessageBytes;
    private volatile int maxTextMessageBytes;
    private volatile long asyncSendTimeout;

    SessionContainer(ScheduledExecutorService scheduler, ExecutorService executor, int maxMessageBytes) {
        this.scheduler = scheduler;
        this.executor = executor;
        this.maxBinaryMessageBytes = maxMessageBytes;
        this.maxTextMessageBytes = maxMessageBytes;
    }

    @Override
    public ScheduledExecutorService getScheduledExecutorService() {
        return scheduler;
    }

    @Override
    public ExecutorService getExecutorService() {
        return executor;
    }

    @Override
    public void shutdown() {
        // The executors belong to the port, which shuts them down when it is closed.
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return asyncSendTimeout;
    }

    @Override
    public void setAsyncSendTimeout(long timeoutMillis) {
        this.asyncSendTimeout = timeoutMillis;
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return 0;
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        throw new UnsupportedOperationException("the idle timeout stays off: jvq's client watches liveness itself");
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return maxBinaryMessageBytes;
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        this.maxBinaryMessageBytes = max;
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return maxTextMessageBytes;
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        this.maxTextMessageBytes = max;
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return Set.of();
    }

    @Override
    public Session connectToServer(Object endpoint, URI path) {
        throw notHere();
    }

    @Override
    public Session connectToServer(Class<?> endpointClass, URI path) {
        throw notHere();
    }

    @Override
    public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path) {
        throw notHere();
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path) {
        throw notHere();
    }

    private static UnsupportedOperationException notHere() {
        return new UnsupportedOperationException("connect through TyrusSocketPort, not a session's container");
    }
}
