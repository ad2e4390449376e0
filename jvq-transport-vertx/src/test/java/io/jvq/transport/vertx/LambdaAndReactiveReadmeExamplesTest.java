package io.jvq.transport.vertx;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.EventPublisher;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's "Listeners as lambdas" and "Reactive streams" examples (a Reactor Flux over the
 * client's EventPublisher), run against the fake server.
 */
class LambdaAndReactiveReadmeExamplesTest {

    @Test
    void listenersAsLambdas() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            BlockingQueue<Level2Trade> tape = new LinkedBlockingQueue<>();
            BlockingQueue<ConnectionEvent> connection = new LinkedBlockingQueue<>();

            // --- README: Listeners as lambdas
            JvqClient client = JvqVertx.clientBuilder(options)
                    .listener(QuoteListener.onTrades(tape::add)
                            .andThen(QuoteListener.onConnectionEvents(connection::add)))
                    .build();
            // --- end

            try {
                client.subscribe(SubscriptionCode.lv2("600519"));
                client.start();
                server.takeCommand(Duration.ofSeconds(30));
                server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100");

                assertThat(tape.poll(30, TimeUnit.SECONDS)).extracting(Level2Trade::tradeId).isEqualTo(1L);
                assertThat(connection).extracting(e -> e.getClass().getSimpleName())
                        .startsWith("Discovering", "Connecting", "Connected");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aFluxOfTrades() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            ExecutorService executor = Executors.newSingleThreadExecutor();

            // --- README: Reactive streams
            EventPublisher events = new EventPublisher(executor, 4096);
            JvqClient client = JvqVertx.clientBuilder(options).listener(events).build();

            Flux<Level2Trade> bigTrades = JdkFlowAdapter.flowPublisherToFlux(events)
                    .ofType(Level2Trade.class)
                    .filter(trade -> trade.quantity() >= 1_000);
            Disposable subscription = bigTrades
                    .map(trade -> trade.code().symbol() + " " + trade.quantity() + "@" + trade.priceDecimal())
                    .subscribe(seen::add);

            client.subscribe(SubscriptionCode.lv2("600519"));
            client.start();
            // --- end

            try {
                server.takeCommand(Duration.ofSeconds(30));
                server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.130,2,1700.49,5000");

                assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo("600519 5000@1700.49");
                assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).isNull();
            } finally {
                client.close();
                subscription.dispose();
                executor.shutdown();
            }
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
