package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.transport.vertx.JvqVertx;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's "Beyond one machine" examples, kept compiling and run against the fake server
 * and an in-process broker, started as the README shows. The code between the markers is the README's.
 */
class ReadmeExamplesTest {

    private static ZoneId afternoonZone() {
        int nowUtc = java.time.LocalTime.now(java.time.ZoneOffset.UTC).toSecondOfDay();
        int offset = Math.floorMod(15 * 3600 - nowUtc + 12 * 3600, 24 * 3600) - 12 * 3600;
        return java.time.ZoneOffset.ofTotalSeconds(offset / 60 * 60);
    }

    @Test
    @SuppressWarnings("try") // Kafka's KafkaClusterTestKit.close() declares InterruptedException: javac's try lint under -Werror
    void aBrokerInATest() throws Exception {
        // --- README: A broker in your tests
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)                       // one process is broker and controller
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")   // one broker: one replica of everything
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")          // a consumer group starts at once
                .build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            bridgeAndConsume(kafka.bootstrapServers());   // your test: the bridge and the source above
        }
        // --- end
    }

    /** The README's bridge and source, on the broker above and the fake jvQuant. */
    private static void bridgeAndConsume(String kafkaServers) throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            // the README replays from 09:15 in Shanghai; here from 09:15 in a zone where it is 15:00 now,
            // so that the quotes published during the test come after it whenever the test runs
            ZoneId shanghai = afternoonZone();
            BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
            QuoteListener strategy = new QuoteListener() {
                @Override
                public void onTrade(Level2Trade trade) {
                    seen.add(trade.tradeId());
                }
            };

            // --- README: Bridging
            KafkaQuoteBridge bridge = KafkaQuoteBridge.builder()
                    .bootstrapServers(kafkaServers)                          // e.g. "kafka1:9092,kafka2:9092"
                    .valueFormat(ValueFormat.LINE)                           // or ValueFormat.JSON
                    .backpressure(Backpressure.block(Duration.ofSeconds(5))) // or Backpressure.drop()
                    .build();
            JvqClient client = JvqVertx.clientBuilder(options)
                    .quoteSink(bridge)                                       // the one wiring step
                    .build();
            client.subscribe(SubscriptionCode.parseAll("lv1_600519", "lv2_600519"));
            client.start();
            // --- end

            // --- README: Consuming
            KafkaQuoteSource source = KafkaQuoteSource.builder()
                    .bootstrapServers(kafkaServers)
                    .codes(SubscriptionCode.parseAll("lv2_600519", "lv1_600519"))
                    .startAt(StartPosition.at(LocalDate.now(shanghai).atTime(9, 15).atZone(shanghai).toInstant()))
                    .groupId("strategy-a")                                   // members of a group share the codes
                    .listener(strategy)                                      // the listener you gave JvqClient
                    .build();
            source.start();
            // --- end

            try {
                server.takeCommand(Duration.ofSeconds(30));
                server.pushQuotes("lv2_600519=09:30:00.120,8812,1700.50,100|09:30:00.130,8813,1700.49,300");
                assertThat(seen.poll(60, TimeUnit.SECONDS)).isEqualTo(8812L);
                assertThat(seen.poll(60, TimeUnit.SECONDS)).isEqualTo(8813L);
            } finally {
                source.close();
                client.close();
                bridge.close();
            }
        }
    }
}
