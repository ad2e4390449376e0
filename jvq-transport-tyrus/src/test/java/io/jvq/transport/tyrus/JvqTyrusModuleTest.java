package io.jvq.transport.tyrus;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JvqTyrusModuleTest {

    @Test
    void binds_the_two_ports_as_singletons_of_this_transport() {
        Injector injector = Guice.createInjector(new JvqTyrusModule(), userBindings());

        SocketPort socket = injector.getInstance(SocketPort.class);
        DiscoveryPort discovery = injector.getInstance(DiscoveryPort.class);

        assertThat(socket).isInstanceOf(TyrusSocketPort.class).isSameAs(injector.getInstance(SocketPort.class));
        assertThat(discovery).isInstanceOf(JdkHttpDiscoveryPort.class)
                .isSameAs(injector.getInstance(DiscoveryPort.class));
        socket.close();
        discovery.close();
    }

    @Test
    void without_the_user_s_options_and_listener_the_injector_names_both() {
        assertThatThrownBy(() -> Guice.createInjector(new JvqTyrusModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining(ClientOptions.class.getName())
                .hasMessageContaining(QuoteListener.class.getName());
    }

    static AbstractModule userBindings() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(ClientOptions.class).toInstance(ClientOptions.builder("module-test-token").build());
                bind(QuoteListener.class).toInstance(new QuoteListener() {
                });
            }
        };
    }
}
