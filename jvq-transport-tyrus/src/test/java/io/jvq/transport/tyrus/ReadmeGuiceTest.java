package io.jvq.transport.tyrus;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Without a container" and "With Guice" snippets, run against the fake jvQuant. */
class ReadmeGuiceTest {

    /** Stands in for the README's listener: keeps the trades instead of printing them. */
    @Singleton
    static final class TradePrinter implements QuoteListener {
        final BlockingQueue<Level2Trade> trades = new LinkedBlockingQueue<>();

        @Override
        public void onTrade(Level2Trade trade) {
            trades.add(trade);
        }
    }

    @Test
    void theReadmeSnippetWithoutAContainerRunsAndClosesTheClient() throws Exception {
        try (FakeJvQuant fake = FakeJvQuant.start()) {
            ClientOptions options = fake.clientOptions().build();
            BlockingQueue<ConnectionEvent> events = new LinkedBlockingQueue<>();
            QuoteListener myListener = QuoteListener.onConnectionEvents(events::add);

            // ---- README "Without a container"
            try (JvqClient client = JvqTyrus.clientBuilder(options)
                    .listener(myListener)
                    .build()) {
                client.subscribe(SubscriptionCode.parse("lv1_600519"), SubscriptionCode.parse("lv2_600519"));
                client.start();
                // ... quotes arrive at myListener until close()
            }
            // ---- end

            ConnectionEvent event;
            do {
                event = events.poll(15, TimeUnit.SECONDS);
            } while (event != null && !(event instanceof ConnectionEvent.Closed));
            assertThat(event).as("the client's Closed event").isInstanceOf(ConnectionEvent.Closed.class);
        }
    }

    @Test
    void theReadmeSnippetConnectsSubscribesAndReceivesTrades() throws Exception {
        try (FakeJvQuant fake = FakeJvQuant.start()) {
            ClientOptions options = fake.clientOptions().build();

            // ---- README "With Guice", from here ...
            Injector injector = Guice.createInjector(new JvqTyrusModule(), new AbstractModule() {
                @Override
                protected void configure() {
                    bind(ClientOptions.class).toInstance(options);
                    bind(QuoteListener.class).to(TradePrinter.class);
                }
            });

            JvqClient client = injector.getInstance(JvqClient.class);
            client.subscribe(SubscriptionCode.parse("lv2_600519"));
            client.start();
            // ---- ... to here (then client.close() on shutdown).

            try {
                assertThat(fake.takeCommand(Duration.ofSeconds(15)).text()).isEqualTo("all=lv2_600519");
                fake.pushQuotes("lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300");

                TradePrinter printer = injector.getInstance(TradePrinter.class);
                Level2Trade first = printer.trades.poll(15, TimeUnit.SECONDS);
                Level2Trade second = printer.trades.poll(15, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                assertThat(second).isNotNull();
                assertThat(first.code()).isEqualTo(SubscriptionCode.lv2("600519"));
                assertThat(first.tradeId()).isEqualTo(1234567L);
                assertThat(first.priceDecimal()).isEqualByComparingTo("1700.50");
                assertThat(first.quantity()).isEqualTo(100L);
                assertThat(second.tradeId()).isEqualTo(1234568L);
                assertThat(second.quantity()).isEqualTo(300L);
                assertThat(injector.getInstance(JvqClient.class)).isSameAs(client);
            } finally {
                client.close();
            }
            fake.awaitConnections(0, Duration.ofSeconds(15));
        }
    }
}
