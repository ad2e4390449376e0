package io.jvq.transport.vertx;

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
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's "Using the client", "The zero-allocation path" and "Batching" examples, kept compiling and
 * run against the fake server. The code between the markers is the README's, with the token and
 * discovery URL taken from the fake server.
 */
class RootReadmeExamplesTest {
    private static final String MOUTAI_LV1 = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "110,1700.51,210,1700.52,310,1700.53,410,1700.54,510,1700.55";
    private static final String MOUTAI_LV2 = "lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300";

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
            BlockingQueue<String> book = new LinkedBlockingQueue<>();

            // --- README: The zero-allocation path
            JvqClient client = JvqVertx.clientBuilder(options)
                    .quoteSink(new QuoteSink() {
                        @Override
                        public void onTrade(TradeView t) {
                            book.add(t.code() + " " + t.timeOfDayMillis() + " " + t.price() + " " + t.quantity());
                        }

                        @Override
                        public void onLevel1(Level1View q) {
                        }

                        @Override
                        public void onLevel10(Level10View b) {
                        }

                        @Override
                        public void onError(DecodeError e) {
                            book.add("bad quote line: " + e);
                        }
                    })
                    .build();
            // --- end

            try {
                client.subscribe(SubscriptionCode.lv2("600519"));
                client.start();
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
                server.pushQuotes(MOUTAI_LV2);
                assertThat(book.poll(30, TimeUnit.SECONDS)).isEqualTo("lv2_600519 34200120 17005000 100");
                assertThat(book.poll(30, TimeUnit.SECONDS)).isEqualTo("lv2_600519 34200120 17004900 300");
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
