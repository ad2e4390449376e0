package io.jvq.transport.tyrus;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Guice bindings for a jvq client on this transport: {@link SocketPort} ({@link TyrusSocketPort}),
 * {@link DiscoveryPort} ({@link JdkHttpDiscoveryPort}) and a singleton {@link JvqClient} built
 * from them.
 *
 * <p>The application binds the two things only it knows, in its own module:
 * {@link ClientOptions} (the token, at least) and a {@link QuoteListener} (any binding: an
 * instance, or a class Guice constructs and injects), or hands both to
 * {@link #JvqTyrusModule(ClientOptions, QuoteListener)}. The client is not started: call
 * {@link JvqClient#start()} when the application is ready, and {@link JvqClient#close()} on
 * shutdown; closing it closes the two ports too, which is why they are singletons that belong
 * to the client.
 *
 * <p>Guice is an optional dependency of this module: add it yourself to use this class.
 */
public final class JvqTyrusModule extends AbstractModule {
    private final SSLContext sslContext;
    private final ClientOptions options;
    private final QuoteListener listener;

    /** Bindings with the JDK's default trust for wss:// and https://; the application binds {@link ClientOptions} and {@link QuoteListener} itself. */
    public JvqTyrusModule() {
        this.sslContext = null;
        this.options = null;
        this.listener = null;
    }

    /** Bindings that trust what {@code sslContext} trusts for wss:// and https://. */
    public JvqTyrusModule(SSLContext sslContext) {
        this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
        this.options = null;
        this.listener = null;
    }

    /** Binds {@code options} and {@code listener} too, with the JDK's default trust (as {@code JvqVertxModule}'s). */
    public JvqTyrusModule(ClientOptions options, QuoteListener listener) {
        this.sslContext = null;
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    protected void configure() {
        if (options != null) {
            bind(ClientOptions.class).toInstance(options);
            bind(QuoteListener.class).toInstance(listener);
        }
    }

    @Provides
    @Singleton
    SocketPort socketPort() {
        TyrusSocketPort.Builder builder = TyrusSocketPort.builder();
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    @Provides
    @Singleton
    DiscoveryPort discoveryPort() {
        JdkHttpDiscoveryPort.Builder builder = JdkHttpDiscoveryPort.builder();
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
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
