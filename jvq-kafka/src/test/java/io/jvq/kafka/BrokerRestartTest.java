package io.jvq.kafka;

import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker stops and starts again mid-stream (a broker of its own: the restart would disturb other tests). */
class BrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    @Test
    void tradesReceivedWhileTheBrokerWasDownArriveOnceInOrderAfterItReturns() throws Exception {
        Trades trades = new Trades(List.of("600519", "000001"));
        Received received = new Received();
        try (FakeJvQuant server = FakeJvQuant.start();
             KafkaQuoteSource source = KafkaQuoteSource.builder().bootstrapServers(KAFKA.bootstrapServers())
                     .codes(trades.codes()).startAt(StartPosition.earliest()).listener(received).build();
             BridgeRun bridge = BridgeRun.start(KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers()),
                     server, trades.codes())) {
            source.start();
            server.takeCommand(WAIT);
            server.pushQuotes(trades.next(10));
            received.awaitTrades(20, WAIT);

            KAFKA.stopBroker();
            server.pushQuotes(trades.next(10));
            Thread.sleep(1000);
            assertThat(bridge.bridge.stats().published()).as("nothing acknowledged while down").isEqualTo(20);
            KAFKA.startBroker();
            server.pushQuotes(trades.next(10));

            received.awaitTrades(60, WAIT);
            Thread.sleep(500);
            BridgeToSourceTest.assertSameTradesPerCode(received.trades(), trades);
            assertThat(bridge.bridge.stats().dropped()).isZero();
            assertThat(bridge.bridge.stats().failed()).isZero();
        }
    }
}
