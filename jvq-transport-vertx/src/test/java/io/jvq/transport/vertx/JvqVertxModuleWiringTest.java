package io.jvq.transport.vertx;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import static io.jvq.transport.vertx.TestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link JvqVertxModule} binds, short of the client itself. */
class JvqVertxModuleWiringTest {
    private static final ClientOptions OPTIONS = ClientOptions.builder(TestServer.TOKEN).build();
    private static final QuoteListener LISTENER = new QuoteListener() {
    };

    @Test
    void bindsBothPortsAsSingletonsOnOneOwnedVertx() {
        Injector injector = Guice.createInjector(new JvqVertxModule(OPTIONS, LISTENER));

        SocketPort socket = injector.getInstance(SocketPort.class);
        DiscoveryPort discovery = injector.getInstance(DiscoveryPort.class);

        assertThat(socket).isInstanceOf(VertxSocketPort.class).isSameAs(injector.getInstance(SocketPort.class));
        assertThat(discovery).isInstanceOf(VertxDiscoveryPort.class)
                .isSameAs(injector.getInstance(DiscoveryPort.class));
        assertThat(injector.getInstance(VertxHandle.class).isOwned()).isTrue();
        assertThat(injector.getInstance(ClientOptions.class)).isSameAs(OPTIONS);
        socket.close();
        discovery.close();
    }

    @Test
    void runsOnTheApplicationsVertxWhenOneIsBound() {
        Vertx vertx = Vertx.vertx();
        try {
            Injector injector = ReadmeSnippets.withGuiceOnYourVertx(vertx, OPTIONS, LISTENER);

            VertxHandle handle = injector.getInstance(VertxHandle.class);

            assertThat(handle.isOwned()).isFalse();
            assertThat(handle.vertx()).isSameAs(vertx);
            assertThat(injector.getInstance(QuoteListener.class)).isSameAs(LISTENER);
            SocketPort socket = injector.getInstance(SocketPort.class);
            DiscoveryPort discovery = injector.getInstance(DiscoveryPort.class);
            socket.close();
            discovery.close();
        } finally {
            await(vertx.close().toCompletionStage().toCompletableFuture());
        }
    }
}
