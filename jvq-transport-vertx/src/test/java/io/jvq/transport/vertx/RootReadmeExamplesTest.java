package io.jvq.transport.vertx;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.ClientStats;
import io.jvq.core.client.EventPublisher;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.client.ReconnectPolicy;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's "Using the client", "With Guice", "The zero-allocation path", "Batching" and
 * "Events as a Flow.Publisher" examples, kept compiling and run against the fake server. The code
 * between the markers is the README's ({@code ReadmeJavaBlocksTest} in jvq-cli checks that each
 * README block is here line for line); {@code usingTheClient} runs the same code with listeners
 * that keep what they hear.
 */
class RootReadmeExamplesTest {
    private static final String MOUTAI_LV1 = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "110,1700.51,210,1700.52,310,1700.53,410,1700.54,510,1700.55";
    private static final String MOUTAI_LV2 = "lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300";

    private static final Logger LOG = LoggerFactory.getLogger(RootReadmeExamplesTest.class);

    /** Stands in for the README's order book: keeps what it is given. */
    static final class OrderBook {
        final BlockingQueue<String> trades = new LinkedBlockingQueue<>();

        void onTrade(SubscriptionCode code, int timeOfDayMillis, long price, long quantity) {
            trades.add(code + " " + timeOfDayMillis + " " + price + " " + quantity);
        }
    }

    /** Stands in for the README's listener class in "With Guice". */
    @Singleton
    static final class TradePrinter implements QuoteListener {
        final BlockingQueue<Level2Trade> trades = new LinkedBlockingQueue<>();

        @Override
        public void onTrade(Level2Trade trade) {
            trades.add(trade);
        }
    }

    @Test
    void usingTheClientAsWritten() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            String token = server.token();
            String discoveryUrl = server.discoveryUrl().toString();

            // --- README: Using the client, exactly
            ClientOptions options = ClientOptions.builder(token)          // market "ab"
                    .discoveryUrl(discoveryUrl)                           // leave out for jvQuant's own
                    .reconnect(new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2))
                    .build();

            JvqClient client = JvqVertx.clientBuilder(options)          // or JvqTyrus.clientBuilder(options)
                    .listener(new QuoteListener() {
                        @Override
                        public void onLevel1(Level1Quote quote) {
                            // quote.priceDecimal() is exact; quote.bidPrice(1) is fixed point (1/10,000 yuan)
                        }

                        @Override
                        public void onTrade(Level2Trade trade) {
                            // trade.code() is lv2_600519, trade.code().symbol() 600519;
                            // trade.tradeId(), trade.price(), trade.priceDecimal(), trade.quantity(), trade.time()
                        }

                        @Override
                        public void onDecodeError(DecodeError error) {
                            // a bad line (code, excerpt, reason); the rest of its frame still arrives
                        }

                        @Override
                        public void onConnectionEvent(ConnectionEvent event) {
                            // Discovering, Connecting, Connected, Disconnected, ReconnectScheduled, Refused, Closed
                        }
                    })
                    .build();
            client.subscribe(SubscriptionCode.parseAll("lv1_600519", "lv2_600519"));
            client.start();

            String address = client.awaitConnected(Duration.ofSeconds(10));   // or client.connected(), a future
            client.list().whenComplete((reply, failure) -> {
                if (failure != null) {
                    System.err.println("no list reply: " + failure.getMessage());   // it says why
                } else {
                    System.out.println("subscribed on " + address + ": " + reply);
                }
            });
            client.close();   // final: stops reconnecting, releases threads and sockets
            // --- end

            assertThat(options.discoveryUrl()).isEqualTo(server.discoveryUrl());
            server.awaitConnections(0, Duration.ofSeconds(30));   // closed: nothing left open
        }
    }

    @Test
    void withGuice() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();

            // --- README: With Guice
            Injector injector = Guice.createInjector(new JvqVertxModule(), new AbstractModule() {   // or new JvqTyrusModule()
                @Override
                protected void configure() {
                    bind(ClientOptions.class).toInstance(options);   // as in "Using the client"
                    bind(QuoteListener.class).to(TradePrinter.class);   // your listener class
                }
            });
            JvqClient client = injector.getInstance(JvqClient.class);
            client.subscribe(SubscriptionCode.parse("lv2_600519"));
            client.start();
            // --- end

            try {
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
                server.pushQuotes(MOUTAI_LV2);
                Level2Trade trade = injector.getInstance(TradePrinter.class).trades.poll(30, TimeUnit.SECONDS);
                assertThat(trade).isNotNull();
                assertThat(trade.tradeId()).isEqualTo(1234567L);
            } finally {
                client.close();
            }
        }
    }

    @Test
    void usingTheClient() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
            ClientOptions.Builder fromServer = server.clientOptions();

            // --- README: Using the client
            ClientOptions options = fromServer
                    .reconnect(new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2))
                    .build();

            JvqClient client = JvqVertx.clientBuilder(options)
                    .listener(new QuoteListener() {
                        @Override
                        public void onLevel1(Level1Quote quote) {
                            seen.add(quote.code() + " " + quote.priceDecimal() + " bid1=" + quote.bidPrice(1));
                        }

                        @Override
                        public void onTrade(Level2Trade trade) {
                            seen.add(trade.code() + " #" + trade.tradeId() + " " + trade.price());
                        }

                        @Override
                        public void onDecodeError(DecodeError error) {
                            seen.add(error);
                        }

                        @Override
                        public void onConnectionEvent(ConnectionEvent event) {
                        }
                    })
                    .build();
            client.subscribe(SubscriptionCode.parseAll("lv1_600519", "lv2_600519"));
            client.start();
            // --- end

            try {
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv1_600519,lv2_600519");
                server.pushQuotes(MOUTAI_LV1 + "\n" + MOUTAI_LV2);
                assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo("lv1_600519 1700.50 bid1=17004900");
                assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo("lv2_600519 #1234567 17005000");
                assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo("lv2_600519 #1234568 17004900");
                assertThat(client.list().get(30, TimeUnit.SECONDS)).isEqualTo("list: lv1_600519,lv2_600519");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void theZeroAllocationPath() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            OrderBook book = new OrderBook();

            // --- README: The zero-allocation path
            JvqClient client = JvqVertx.clientBuilder(options)
                    .quoteSink(new QuoteSink() {
                        @Override
                        public void onTrade(TradeView t) {
                            book.onTrade(t.code(), t.timeOfDayMillis(), t.price(), t.quantity());   // primitives: no allocation
                        }

                        @Override
                        public void onLevel1(Level1View q) {
                        }

                        @Override
                        public void onLevel10(Level10View b) {
                        }

                        @Override
                        public void onError(DecodeError e) {
                            LOG.warn("bad quote line: {}", e);
                        }
                    })
                    .build();
            // --- end

            try {
                client.subscribe(SubscriptionCode.lv2("600519"));
                client.start();
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
                server.pushQuotes(MOUTAI_LV2);
                assertThat(book.trades.poll(30, TimeUnit.SECONDS)).isEqualTo("lv2_600519 34200120 17005000 100");
                assertThat(book.trades.poll(30, TimeUnit.SECONDS)).isEqualTo("lv2_600519 34200120 17004900 300");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void batchingOneFlushPerFrame() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            BlockingQueue<String> batches = new LinkedBlockingQueue<>();

            // --- README: Batching: one flush per frame
            JvqClient client = JvqVertx.clientBuilder(options)
                    .listener(new QuoteListener() {
                        private final StringBuilder batch = new StringBuilder();

                        @Override
                        public void onTrade(Level2Trade trade) {
                            batch.append(trade.code().symbol()).append(' ').append(trade.quantity()).append('\n');
                        }

                        @Override
                        public void onFrameEnd() {
                            batches.add(batch.toString());   // e.g. one write to a file or a socket per frame
                            batch.setLength(0);
                        }
                    })
                    .build();
            // --- end

            try {
                client.subscribe(SubscriptionCode.lv2("600519"));
                client.start();
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
                server.pushQuotes(MOUTAI_LV2);
                server.pushQuotes("lv2_600519=09:30:01.000,1234569,1700.48,200");
                assertThat(batches.poll(30, TimeUnit.SECONDS)).isEqualTo("600519 100\n600519 300\n");
                assertThat(batches.poll(30, TimeUnit.SECONDS)).isEqualTo("600519 200\n");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void eventsAsAFlowPublisherAndTheClientsCounters() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            BlockingQueue<Object> received = new LinkedBlockingQueue<>();

            // --- README: Events as a Flow.Publisher
            ExecutorService subscriberThread = Executors.newSingleThreadExecutor();
            EventPublisher events = new EventPublisher(subscriberThread, 4096);   // 4096 events buffered per subscriber
            JvqClient client = JvqVertx.clientBuilder(options).listener(events).build();
            events.subscribe(new Flow.Subscriber<JvqEvent>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    this.subscription = subscription;
                    subscription.request(1);
                }

                @Override
                public void onNext(JvqEvent event) {
                    if (event instanceof Level2Trade trade) {
                        received.add(trade.tradeId());
                    }
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable failure) {
                }

                @Override
                public void onComplete() {   // after the client's Closed event
                    received.add("complete");
                }
            });
            // --- end

            client.subscribe(SubscriptionCode.lv2("600519"));
            client.start();
            assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
            server.pushQuotes(MOUTAI_LV2);
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo(1234567L);
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo(1234568L);

            // --- README: Counters
            ClientStats stats = client.stats();   // a snapshot of counters since the client was built
            long trades = stats.quoteEvents();
            long badLines = stats.decodeErrors();
            long reconnects = stats.reconnects();
            // --- end

            assertThat(trades).isEqualTo(2);
            assertThat(badLines).isZero();
            assertThat(reconnects).isZero();
            assertThat(stats.framesReceived()).isEqualTo(1);
            assertThat(events.dropped()).isZero();

            client.close();
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("complete");
            subscriberThread.shutdown();
        }
    }
}
