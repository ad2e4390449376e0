package io.jvq.transport.tyrus;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.core.port.SocketRequest;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.testkit.port.RecordingSocketListener;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JvqTyrusModuleTest {
    static final String MOUTAI_LINE = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "100,1700.50,200,1700.51,300,1700.52,400,1700.53,500,1700.54";

    @Test
    void theInjectedClientSubscribesAndReceivesQuotesFromTheFakeServer() throws Exception {
        BlockingQueue<Level1Quote> quotes = new LinkedBlockingQueue<>();
        try (FakeJvQuant fake = FakeJvQuant.start()) {
            Injector injector = Guice.createInjector(new JvqTyrusModule(),
                    userBindings(fake.clientOptions().build(), new QuoteListener() {
                        @Override
                        public void onLevel1(Level1Quote quote) {
                            quotes.add(quote);
                        }
                    }));
            JvqClient client = injector.getInstance(JvqClient.class);
            try {
                client.subscribe(SubscriptionCode.lv1("600519"));
                client.start();
                assertThat(fake.takeCommand(Duration.ofSeconds(15)).text()).isEqualTo("all=lv1_600519");

                fake.pushQuotes(MOUTAI_LINE);

                Level1Quote quote = quotes.poll(15, TimeUnit.SECONDS);
                assertThat(quote).isNotNull();
                assertThat(quote.code()).isEqualTo(SubscriptionCode.lv1("600519"));
                assertThat(quote.name()).isEqualTo("贵州茅台");
                assertThat(quote.priceDecimal()).isEqualByComparingTo("1700.50");
                assertThat(quote.volume()).isEqualTo(12_345_678L);
            } finally {
                client.close();
            }
            fake.awaitConnections(0, Duration.ofSeconds(15));
        }
    }

    @Test
    void thePortsAreSingletonsOfThisTransportAndBelongToTheClient() throws Exception {
        Injector injector = Guice.createInjector(new JvqTyrusModule(),
                userBindings(ClientOptions.builder("module-test-token").build(), new QuoteListener() {
                }));
        SocketPort socket = injector.getInstance(SocketPort.class);
        DiscoveryPort discovery = injector.getInstance(DiscoveryPort.class);
        JvqClient client = injector.getInstance(JvqClient.class);

        assertThat(socket).isInstanceOf(TyrusSocketPort.class).isSameAs(injector.getInstance(SocketPort.class));
        assertThat(discovery).isInstanceOf(JdkHttpDiscoveryPort.class)
                .isSameAs(injector.getInstance(DiscoveryPort.class));
        assertThat(client).isSameAs(injector.getInstance(JvqClient.class));

        client.close();

        SocketRequest anything = new SocketRequest(java.net.URI.create("ws://127.0.0.1:1/"), Duration.ofSeconds(1), 1024);
        assertThat(socket.connect(anything, new RecordingSocketListener()))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class)
                .withMessageContaining("closed");
    }

    @Test
    void theModuleGivenOptionsAndAListenerBindsThemItselfAsTheVertxModuleDoes() throws Exception {
        BlockingQueue<Level1Quote> quotes = new LinkedBlockingQueue<>();
        try (FakeJvQuant fake = FakeJvQuant.start()) {
            Injector injector = Guice.createInjector(new JvqTyrusModule(fake.clientOptions().build(),
                    QuoteListener.onLevel1Quotes(quotes::add)));
            JvqClient client = injector.getInstance(JvqClient.class);
            try {
                client.subscribe(SubscriptionCode.lv1("600519"));
                client.start();
                client.awaitConnected(Duration.ofSeconds(15));
                assertThat(fake.takeCommand(Duration.ofSeconds(15)).text()).isEqualTo("all=lv1_600519");

                fake.pushQuotes(MOUTAI_LINE);

                Level1Quote quote = quotes.poll(15, TimeUnit.SECONDS);
                assertThat(quote).isNotNull();
                assertThat(quote.code().symbol()).isEqualTo("600519");
                assertThat(injector.getInstance(ClientOptions.class).token().reveal())
                        .isEqualTo(fake.clientOptions().build().token().reveal());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void withoutTheUserSOptionsAndListenerTheInjectorNamesBoth() {
        assertThatThrownBy(() -> Guice.createInjector(new JvqTyrusModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining(ClientOptions.class.getName())
                .hasMessageContaining(QuoteListener.class.getName());
    }

    static Module userBindings(ClientOptions options, QuoteListener listener) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(ClientOptions.class).toInstance(options);
                bind(QuoteListener.class).toInstance(listener);
            }
        };
    }
}
