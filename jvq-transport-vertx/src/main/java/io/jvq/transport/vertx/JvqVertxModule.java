package io.jvq.transport.vertx;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;

import java.util.Objects;
import java.util.Optional;

/**
 * Guice bindings for a {@link JvqClient} on Vert.x: {@link SocketPort}, {@link DiscoveryPort} and a
 * singleton {@link JvqClient} (built, not started), made from the application's
 * {@link ClientOptions} and {@link QuoteListener}.
 * <p>
 * Optional bindings: a {@link Vertx} (bind it and jvq runs on it and never closes it; otherwise
 * jvq creates its own, closed with the client) and {@link TrustOptions} for {@code wss://} and
 * {@code https://} (otherwise the JVM's trust store). Closing the client closes the ports.
 */
public final class JvqVertxModule extends AbstractModule {
    private final ClientOptions options;
    private final QuoteListener listener;

    /** The application binds {@link ClientOptions} and {@link QuoteListener} itself. */
    public JvqVertxModule() {
        this.options = null;
        this.listener = null;
    }

    /** Binds {@code options} and {@code listener} too. */
    public JvqVertxModule(ClientOptions options, QuoteListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Vertx.class);
        OptionalBinder.newOptionalBinder(binder(), TrustOptions.class);
        if (options != null) {
            bind(ClientOptions.class).toInstance(options);
            bind(QuoteListener.class).toInstance(listener);
        }
    }

    @Provides
    @Singleton
    JvqVertx.Ports ports(Optional<Vertx> vertx, Optional<TrustOptions> trustOptions) {
        JvqVertx.Ports ports = JvqVertx.ports();
        vertx.ifPresent(ports::vertx);
        trustOptions.ifPresent(ports::trustOptions);
        return ports;
    }

    /** The one Vert.x handle both ports share, so an instance jvq creates is shared too. */
    @Provides
    @Singleton
    VertxHandle vertxHandle(JvqVertx.Ports ports) {
        return ports.handle();
    }

    @Provides
    @Singleton
    SocketPort socketPort(JvqVertx.Ports ports, VertxHandle handle) {
        return ports.socketPort(handle);
    }

    @Provides
    @Singleton
    DiscoveryPort discoveryPort(JvqVertx.Ports ports, VertxHandle handle) {
        return ports.discoveryPort(handle);
    }

    @Provides
    @Singleton
    JvqClient client(ClientOptions options, QuoteListener listener, SocketPort socket, DiscoveryPort discovery) {
        return JvqClient.builder()
                .options(options)
                .listener(listener)
                .socket(socket)
                .discovery(discovery)
                .build();
    }
}
