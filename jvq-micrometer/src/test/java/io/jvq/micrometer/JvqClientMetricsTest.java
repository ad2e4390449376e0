package io.jvq.micrometer;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.FeedMetrics;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.ReconnectPolicy;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.transport.vertx.JvqVertx;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The binder on a real client over Vert.x, fed by the fake server on loopback. */
class JvqClientMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FakeJvQuant server;
    private JvqClient client;

    @BeforeEach
    void connect() {
        server = FakeJvQuant.start();
        ClientOptions options = server.clientOptions()
                .reconnect(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 2.0, 0.0)).build();
        client = JvqVertx.clientBuilder(options).build();
        new JvqClientMetrics(client, Tags.of("feed", "main")).bindTo(registry);
        client.subscribe(SubscriptionCode.parseAll("lv2_600519", "lv1_600519"));
        client.start();
        server.takeCommand(Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void everyDocumentedMeterIsRegisteredWithTheGivenTags() {
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsAll(JvqMeters.ALL);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("feed")).isEqualTo("main"));
        assertThat(registry.get(JvqMeters.DECODE_ERRORS).meters()).extracting(m -> m.getId().getTag("kind"))
                .containsExactlyInAnyOrder("frame", "line");
        assertThat(registry.get(JvqMeters.RECORDS).meters()).extracting(m -> m.getId().getTag("level"))
                .containsExactlyInAnyOrder("lv1", "lv2", "lv10");
    }

    @Test
    void framesAndTheirLagAreMeasured() {
        LocalTime threeSecondsAgo = LocalTime.now(FeedMetrics.EXCHANGE_ZONE).minusSeconds(3);
        String line = "lv2_600519=" + TimeOfDay.format(TimeOfDay.of(threeSecondsAgo), true) + ",1,1700.50,100";
        server.pushQuotes(line);

        await(() -> registry.get(JvqMeters.FEED_LAG).timer().count() == 1);
        Timer lag = registry.get(JvqMeters.FEED_LAG).timer();
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isBetween(3_000.0, 30_000.0);
        assertThat(registry.get(JvqMeters.FEED_LAG_LAST).timeGauge().value(TimeUnit.MILLISECONDS))
                .isBetween(3_000.0, 30_000.0);
        assertThat(registry.get(JvqMeters.FRAMES).functionCounter().count()).isEqualTo(1);
        assertThat(registry.get(JvqMeters.RECORDS).tag("level", "lv2").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get(JvqMeters.DELIVERED).functionCounter().count()).isEqualTo(1);
        assertThat(registry.get(JvqMeters.FRAME_BYTES).tag("form", "inflated").functionCounter().count())
                .isEqualTo(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(registry.get(JvqMeters.FRAME_BYTES).tag("form", "compressed").functionCounter().count())
                .isEqualTo((double) client.stats().bytesReceived()).isPositive();
        assertThat(registry.get(JvqMeters.LAST_FRAME_AGE).timeGauge().value(TimeUnit.SECONDS)).isBetween(0.0, 30.0);
    }

    @Test
    void decodeErrorsAreTaggedByKind() {
        server.pushNotDeflate();
        server.pushMalformedLines("lv2_600519=09:30:00.000,not-a-number,1.00,1");

        await(() -> registry.get(JvqMeters.DECODE_ERRORS).tag("kind", "line").functionCounter().count() == 1);
        assertThat(registry.get(JvqMeters.DECODE_ERRORS).tag("kind", "frame").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get(JvqMeters.FEED_LAG).timer().count()).isZero();
    }

    @Test
    void aDropShowsAsDisconnectedAndAReconnect() {
        assertThat(gauge(JvqMeters.CONNECTED)).isEqualTo(1.0);
        assertThat(registry.get(JvqMeters.CONNECTIONS).functionCounter().count()).isEqualTo(1);

        server.cutAll();

        await(() -> registry.get(JvqMeters.RECONNECTS).functionCounter().count() >= 1);
        await(() -> registry.get(JvqMeters.CONNECTIONS).functionCounter().count() == 2 && gauge(JvqMeters.CONNECTED) == 1.0);
        assertThat(registry.get(JvqMeters.UPTIME).timeGauge().value(TimeUnit.SECONDS)).isBetween(0.0, 30.0);
        client.close();
        assertThat(gauge(JvqMeters.CONNECTED)).isZero();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
