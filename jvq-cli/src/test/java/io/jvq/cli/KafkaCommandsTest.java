package io.jvq.cli;

import io.jvq.kafka.KafkaBroker;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jvq bridge} and {@code jvq stream --from-kafka} against a real in-process Kafka broker and
 * the fake jvQuant, through picocli.
 */
class KafkaCommandsTest {
    private static final String TOKEN = "kafka-cli-token-77c1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    @RegisterExtension
    static final KafkaBroker KAFKA = KafkaBroker.perClass();

    private final FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void whatTheBridgePublishesStreamsFromKafkaAsStreamPrintsIt() throws Exception {
        BackgroundRun bridge = BackgroundRun.start("bridge", "--token", TOKEN,
                "--discovery-url", server.discoveryUrl().toString(), "--kafka", KAFKA.bootstrapServers(),
                "--topics-prefix", "cli1.", "--value-format", "json", "--limit", "3", "--duration", "60",
                "lv1_600519", "lv2_600519");
        assertThat(server.takeCommand(WAIT).text()).isEqualTo("all=lv1_600519,lv2_600519");
        server.pushQuotes(StreamCommandTest.MOUTAI + "\n" + StreamCommandTest.TRADES + "\n");
        CliRun bridged = bridge.join(WAIT);

        assertThat(bridged.exitCode()).as("stderr: %s", bridged.err()).isZero();
        assertThat(bridged.out()).isEqualTo("server: all ok: lv1_600519,lv2_600519\n");
        assertThat(bridged.err()).contains("jvq: summary: 3 events (1 lv1, 2 lv2, 0 lv10)")
                .contains("jvq: kafka: 3 published, 0 dropped, 0 failed")
                .doesNotContain(TOKEN);

        CliRun streamed = BackgroundRun.start("stream", "--from-kafka", KAFKA.bootstrapServers(),
                "--topics-prefix", "cli1.", "--from", "earliest", "--format", "json", "--limit", "3",
                "--duration", "60", "lv1_600519", "lv2_600519").join(WAIT);

        assertThat(streamed.exitCode()).as("stderr: %s", streamed.err()).isZero();
        assertThat(streamed.out().lines().sorted()).containsExactly(
                "{\"type\":\"lv1\",\"code\":\"600519\",\"time\":\"14:59:59\",\"name\":\"贵州茅台\",\"price\":1700.50,"
                        + "\"changePct\":1.23,\"volume\":12345678,\"amount\":20987654321.50,"
                        + "\"bids\":[[100,1700.49],[200,1700.48],[300,1700.47],[400,1700.46],[500,1700.45]],"
                        + "\"asks\":[[200,1700.51],[400,1700.52],[600,1700.53],[800,1700.54],[1000,1700.55]]}",
                "{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.120\",\"tradeId\":1234567,\"price\":1700.50,\"qty\":100}",
                "{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.130\",\"tradeId\":1234568,\"price\":1700.49,\"qty\":300}");
        assertThat(streamed.err()).contains("jvq: connected to kafka").contains("summary: 3 events (1 lv1, 2 lv2, 0 lv10)");
    }

    @Test
    void streamFromKafkaKeepsOnlyTheCodesAskedFor() throws Exception {
        BackgroundRun bridge = BackgroundRun.start("bridge", "--token", TOKEN,
                "--discovery-url", server.discoveryUrl().toString(), "--kafka", KAFKA.bootstrapServers(),
                "--topics-prefix", "cli2.", "--limit", "3", "--duration", "60", "lv2_600519", "lv2_000001");
        server.takeCommand(WAIT);
        server.pushQuotes("lv2_000001=09:30:00.100,7,10.50,100\n" + StreamCommandTest.TRADES + "\n");
        assertThat(bridge.join(WAIT).exitCode()).isZero();

        CliRun streamed = BackgroundRun.start("stream", "--from-kafka", KAFKA.bootstrapServers(),
                "--topics-prefix", "cli2.", "--from", "earliest", "--limit", "2", "--duration", "60",
                "lv2_600519").join(WAIT);

        assertThat(streamed.out()).doesNotContain("000001").contains("#1234567").contains("#1234568");
    }

    @Test
    void kafkaOptionsWithoutFromKafkaAreAUsageError() {
        CliRun run = CliRun.run("stream", "--from", "earliest", "lv2_600519");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from and --group need --from-kafka BOOTSTRAP");
    }

    @Test
    void aBadStartTimeIsAUsageErrorNamingIt() {
        CliRun run = CliRun.run("stream", "--from-kafka", KAFKA.bootstrapServers(), "--from", "yesterday", "lv2_600519");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'yesterday' is not earliest, latest, a time of day");
    }

    @Test
    void aBadValueFormatIsAUsageError() {
        CliRun run = CliRun.run("bridge", "--token", TOKEN, "--kafka", KAFKA.bootstrapServers(),
                "--value-format", "avro", "lv2_600519");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'avro' is not one of line, json");
    }

    @Test
    void anUnknownCompressionIsAUsageErrorNamingTheKnownOnes() {
        CliRun run = CliRun.run("bridge", "--token", TOKEN, "--kafka", KAFKA.bootstrapServers(),
                "--compression", "brotli", "lv2_600519");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--compression 'brotli'")
                .contains("unknown compression 'brotli': expected none, gzip, snappy, lz4 or zstd")
                .doesNotContain(TOKEN);
    }
}
