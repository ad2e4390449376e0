package io.jvq.kafka;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka (broker and controller in one), in-process, from Kafka's own
 * test kit: on 127.0.0.1 with ephemeral ports, its logs in a temporary directory. Test classes
 * share one per class, as a broker takes seconds to start. (Also used by the CLI's tests.)
 */
public final class KafkaBroker implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private KafkaClusterTestKit cluster;

    private KafkaBroker() {
    }

    /** For a {@code @RegisterExtension static} field: started before the class's tests, closed after them. */
    public static KafkaBroker perClass() {
        return new KafkaBroker();
    }

    /** A broker started now, for a {@code try}-with-resources. */
    public static KafkaBroker start() throws Exception {
        KafkaBroker broker = new KafkaBroker();
        broker.cluster = startCluster();
        return broker;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = startCluster();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static KafkaClusterTestKit startCluster() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                // one broker: every internal topic with one replica
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "2")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "1")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates a topic with {@code partitions} partitions (one replica). */
    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Stops the broker (the controller keeps running); its port and data stay for {@link #startBroker()}. */
    public void stopBroker() {
        BrokerServer broker = broker();
        broker.shutdown();
        broker.awaitShutdown();
    }

    public void startBroker() throws Exception {
        broker().startup();
        cluster.waitForReadyBrokers();
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the test broker did not close cleanly", e);
        }
    }
}
