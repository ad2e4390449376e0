package io.jvq.cli.it;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level2Trade;
import io.jvq.kafka.KafkaBroker;
import io.jvq.kafka.KafkaQuoteSource;
import io.jvq.kafka.StartPosition;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jvq bridge} as its own process: SIGTERM publishes what it received before it exits. */
class BridgeJarIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void sigtermPublishesEveryQuoteReceivedBeforeExiting() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start();
             FakeJvQuant server = FakeJvQuant.builder().token("it-bridge-token").start()) {
            Path err = Files.createTempFile("jvq-bridge-", ".err");
            List<String> command = new ArrayList<>(List.of(JarProcess.java().toString(), "-jar",
                    JarProcess.jar().toString(), "bridge", "--token", "it-bridge-token",
                    "--discovery-url", server.discoveryUrl().toString(), "--kafka", kafka.bootstrapServers(),
                    "lv2_600519"));
            Process bridge = new ProcessBuilder(command).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                server.takeCommand(WAIT);
                List<Level2Trade> trades = new CopyOnWriteArrayList<>();
                try (KafkaQuoteSource source = KafkaQuoteSource.builder().bootstrapServers(kafka.bootstrapServers())
                        .codes(List.of(SubscriptionCode.lv2("600519"))).startAt(StartPosition.earliest())
                        .listener(new QuoteListener() {
                            @Override
                            public void onTrade(Level2Trade trade) {
                                trades.add(trade);
                            }
                        }).build()) {
                    source.start();
                    server.pushQuotes(trades(1, 50));
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while (trades.isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(trades).as("the bridge publishes").isNotEmpty();
                    for (int frame = 1; frame < 20; frame++) {
                        server.pushQuotes(trades(frame * 50 + 1, 50));
                    }
                    bridge.destroy(); // SIGTERM
                    assertThat(bridge.waitFor(30, TimeUnit.SECONDS)).isTrue();

                    String stderr = Files.readString(err, StandardCharsets.UTF_8);
                    Matcher summary = Pattern.compile("summary: (\\d+) events").matcher(stderr);
                    assertThat(summary.find()).as("stderr: %s", stderr).isTrue();
                    long received = Long.parseLong(summary.group(1));
                    assertThat(stderr).contains("kafka: " + received + " published, 0 dropped, 0 failed");
                    deadline = System.nanoTime() + WAIT.toNanos();
                    while (trades.size() < received && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(500);
                    assertThat(trades).extracting(Level2Trade::tradeId)
                            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, received).boxed().toList());
                }
            } finally {
                bridge.destroyForcibly();
                Files.deleteIfExists(err);
            }
        }
    }

    private static String trades(int firstId, int n) {
        StringBuilder line = new StringBuilder("lv2_600519=");
        for (int id = firstId; id < firstId + n; id++) {
            if (id > firstId) {
                line.append('|');
            }
            line.append("09:30:00.000,").append(id).append(",1700.50,100");
        }
        return line.toString();
    }
}
