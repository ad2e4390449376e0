package io.jvq.reliability;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientStats;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.ReconnectPolicy;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ordinary abuse through real sockets, on both transports: a server that accepts each connection
 * and closes it at once, and a listener slower than the idle timeout. The exact figures are in the
 * core's virtual-time tests ({@code JvqClientBackoffTest}, {@code JvqClientSlowListenerTest}); this
 * shows the transports keep to them.
 */
class AbuseTest {
    private static final SubscriptionCode CODE = SubscriptionCode.parse("lv2_600519");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void aServerThatClosesEveryConnectionAtOnceGetsGrowingWaitsNotAStorm(Transport transport) throws Exception {
        // 50 ms doubling to 800 ms: 50+100+200+400+800 = 1,550 ms before the sixth attempt.
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(800), 2.0, 0.0);
        DeliveryLedger listener = new DeliveryLedger();
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(server.clientOptions().reconnect(policy).build())
                     .listener(listener).build()) {
            client.subscribe(CODE);
            client.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                server.closeAll(1013, "try again later");   // every connection, as soon as it is up
                TimeUnit.MILLISECONDS.sleep(5);
            }
            int connections = server.acceptedConnectionCount();
            List<Integer> attempts = listener.connectionEvents().stream()
                    .filter(s -> s.event() instanceof ReconnectScheduled).map(s -> ((ReconnectScheduled) s.event()).attempt())
                    .toList();
            System.out.printf("jvq abuse [%s]: accept-then-close server, 3 s: %d connections, attempts %s%n",
                    transport, connections, attempts);

            assertThat(connections).as("connections in 3 s (a reset backoff would make about 60)").isBetween(3, 10);
            assertThat(attempts).as("each close is one more failure in a row").isSorted().doesNotHaveDuplicates();

            // The server recovers: it stops closing and sends quotes to whoever is subscribed.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (listener.trades() == 0 && System.nanoTime() < deadline) {
                server.pushQuotes("lv2_600519=10:15:00.000,1,1700.50,100");
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(listener.trades()).as("quotes flow once it recovers").isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void aListenerSlowerThanTheIdleTimeoutLosesNothingAndKeepsItsConnection(Transport transport) throws Exception {
        DeliveryLedger listener = new DeliveryLedger() {
            @Override
            public void onTrade(Level2Trade trade) {
                if (trade.tradeId() == 1) {
                    sleep(Duration.ofSeconds(2));   // over three idle timeouts
                }
                super.onTrade(trade);
            }
        };
        TradeTape tape = new TradeTape(List.of(CODE), 1, 1);
        try (FakeJvQuant server = FakeJvQuant.start();
             JvqClient client = transport.clientBuilder(server.clientOptions()
                             .pingInterval(Duration.ofMillis(100)).idleTimeout(Duration.ofMillis(600)).build())
                     .listener(listener).build()) {
            client.subscribe(CODE);
            client.start();
            listener.takeUntil(Connected.class, WAIT);
            server.takeCommand(WAIT);

            int frames = 30;
            for (int i = 0; i < frames; i++) {
                server.pushQuotes(tape.nextFrame());
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertThat(DeliveryLedger.awaitCount(listener::trades, frames, WAIT)).isTrue();
            ClientStats stats = client.stats();
            System.out.printf("jvq abuse [%s]: listener held 2 s, idle timeout 600 ms: %d of %d trades, %d"
                    + " connections, undelivered %d%n", transport, listener.trades(), frames, stats.connections(),
                    stats.undeliveredRecords());

            assertThat(listener.connectionEvents()).noneMatch(s -> s.event() instanceof Disconnected);
            assertThat(listener.distinctTrades()).isEqualTo(frames);
            assertThat(stats.connections()).isEqualTo(1);
            assertThat(stats.undeliveredRecords() + stats.undeliveredFrames()).isZero();
        }
    }

    private static void sleep(Duration time) {
        try {
            TimeUnit.NANOSECONDS.sleep(time.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
