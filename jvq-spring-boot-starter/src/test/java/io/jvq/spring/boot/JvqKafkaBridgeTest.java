package io.jvq.spring.boot;

import io.jvq.core.client.JvqClient;
import io.jvq.kafka.KafkaBroker;
import io.jvq.kafka.KafkaQuoteBridge;
import io.jvq.testkit.FakeJvQuant;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka bridge declared by {@code jvq.kafka.*}, against a real in-process broker and the fake server. */
class JvqKafkaBridgeTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    private final FakeJvQuant server = FakeJvQuant.start();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JvqAutoConfiguration.class))
            .withPropertyValues("jvq.token=" + server.token(), "jvq.discovery-url=" + server.discoveryUrl(),
                    "jvq.codes=lv2_600519");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theBridgeFromPropertiesPublishesTheClientsQuotesAndClosesWithTheContext() throws Exception {
        KAFKA.createTopic("quotes.lv2", 1);
        AtomicReference<KafkaQuoteBridge> bridge = new AtomicReference<>();
        runner.withPropertyValues("jvq.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                "jvq.kafka.topic-prefix=quotes.", "jvq.kafka.producer.compression.type=lz4").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(KafkaQuoteBridge.class).hasSingleBean(JvqClient.class);
            bridge.set(context.getBean(KafkaQuoteBridge.class));
            assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
            server.pushQuotes("lv2_600519=09:30:00.120,1234567,1700.50,100");
            JvqAutoConfigurationTest.await(() -> bridge.get().stats().received() == 1);
        });
        // closing the context closed the bridge, which published what it held before returning
        assertThat(bridge.get().stats().published()).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = consume("quotes.lv2", 1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).contains("600519");
            assertThat(record.value()).contains("1234567").contains("1700.50");
        });
    }

    @Test
    void withoutBootstrapServersThereIsNoBridge() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KafkaQuoteBridge.class));
    }

    @Test
    void aBadValueFormatFailsTheStartupNamingTheProperty() {
        runner.withPropertyValues("jvq.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(), "jvq.kafka.value-format=xml")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("xml");
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("invalid jvq.kafka.value-format")
                            .satisfies(failure -> assertThat(failure.toString()).doesNotContain(server.token()));
                });
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "starter-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
