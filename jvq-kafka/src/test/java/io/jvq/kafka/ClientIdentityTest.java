package io.jvq.kafka;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level2Trade;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Client ids and consumer groups as the broker sees them: a real in-process Kafka. */
class ClientIdentityTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();
    private static Admin admin;

    @BeforeAll
    static void connectAdmin() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void eachBridgeHasAClientIdOfItsOwnUnlessOneIsGiven() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers()).closeOnShutdown(false)
                    .producerFactory(config -> {
                        ids.add(config.get(ProducerConfig.CLIENT_ID_CONFIG));
                        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
                    }).build().close();
        }
        KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers()).closeOnShutdown(false)
                .producerProperty(ProducerConfig.CLIENT_ID_CONFIG, "desk-7-bridge")
                .producerFactory(config -> {
                    ids.add(config.get(ProducerConfig.CLIENT_ID_CONFIG));
                    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
                }).build().close();

        String pid = Long.toString(ProcessHandle.current().pid());
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.subList(0, 2)).allSatisfy(id -> assertThat((String) id).startsWith("jvq-bridge-")
                .contains("-" + pid + "-").matches("[a-z0-9._-]+"));
        assertThat(ids.get(2)).isEqualTo("desk-7-bridge");
    }

    @Test
    void membersOfOneGroupHaveClientIdsOfTheirOwn() throws Exception {
        String topicPrefix = "ids.";
        KAFKA.createTopic(topicPrefix + "lv2", 2);
        Received first = new Received();
        Received second = new Received();
        try (KafkaQuoteSource a = source(topicPrefix).groupId("members").listener(first).build();
                KafkaQuoteSource b = source(topicPrefix).groupId("members").listener(second).build()) {
            a.start();
            b.start();
            first.awaitConnected(WAIT);
            second.awaitConnected(WAIT);
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("members")).all()
                    .get(30, TimeUnit.SECONDS).get("members");
            List<String> clientIds = group.members().stream().map(MemberDescription::clientId).toList();
            assertThat(clientIds).hasSize(2).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).startsWith("jvq-source-"));
        }
    }

    @Test
    void aSourceWithoutAGroupReadsEveryPartitionAndLeavesNoGroupBehind() throws Exception {
        String topicPrefix = "nogroup.";
        KAFKA.createTopic(topicPrefix + "lv2", 3);
        List<Level2Trade> sent = new ArrayList<>();
        try (KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers())
                .topicPrefix(topicPrefix).closeOnShutdown(false).build()) {
            for (String symbol : List.of("600519", "000001", "300750", "601318", "000858", "002594")) {
                for (long id = 1; id <= 5; id++) {
                    Level2Trade trade = new Level2Trade(SubscriptionCode.lv2(symbol), TimeOfDay.of(9, 30, 0, 0) + (int) id,
                            id, FixedPoint.of("10.50"), 100 * id);
                    sent.add(trade);
                    bridge.publish(trade);
                }
            }
        }
        Collection<String> groupsBefore = groupIds();

        Received received = new Received();
        try (KafkaQuoteSource source = source(topicPrefix).listener(received).build()) {
            source.start();
            received.awaitTrades(sent.size(), WAIT);
            assertThat(received.trades()).containsExactlyInAnyOrderElementsOf(sent);
        }

        assertThat(groupIds()).as("consumer groups after a source without a group ran and closed")
                .containsExactlyInAnyOrderElementsOf(groupsBefore);
    }

    @Test
    void aSourceWithoutAGroupFindsATopicCreatedAfterItStarted() throws Exception {
        String topicPrefix = "late.";
        Collection<String> groupsBefore = groupIds();
        Received received = new Received();
        try (KafkaQuoteSource source = source(topicPrefix).startAt(StartPosition.latest()).listener(received).build()) {
            source.start();
            Thread.sleep(300); // the source has looked for its topic, and not found it
            Level2Trade trade = new Level2Trade(SubscriptionCode.lv2("600519"), TimeOfDay.of(9, 30, 0, 0), 1,
                    FixedPoint.of("1700.50"), 100);
            try (KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers(KAFKA.bootstrapServers())
                    .topicPrefix(topicPrefix).closeOnShutdown(false).build()) {
                bridge.publish(trade);
            }
            received.awaitTrades(1, WAIT);
            assertThat(received.trades()).containsExactly(trade);
        }
        assertThat(groupIds()).containsExactlyInAnyOrderElementsOf(groupsBefore);
    }

    private static KafkaQuoteSource.Builder source(String topicPrefix) {
        return KafkaQuoteSource.builder().bootstrapServers(KAFKA.bootstrapServers()).topicPrefix(topicPrefix)
                .codes(List.of()).startAt(StartPosition.earliest());
    }

    private static Collection<String> groupIds() throws Exception {
        return admin.listGroups().all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId).toList();
    }
}
