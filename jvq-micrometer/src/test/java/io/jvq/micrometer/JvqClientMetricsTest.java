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
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The binder on a real client over Vert.x, fed by the fake server on loopback. */
class JvqClientMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FakeJvQuant server;
    private JvqClient client;
    private JvqClientMetrics metrics;
    private int tradeId;

    @BeforeEach
    void connect() {
        server = FakeJvQuant.start();
        ClientOptions options = server.clientOptions()
                .reconnect(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 2.0, 0.0)).build();
        client = JvqVertx.clientBuilder(options).build();
        metrics = new JvqClientMetrics(client, Tags.of("feed", "main"));
        metrics.bindTo(registry);
        client.subscribe(SubscriptionCode.parseAll("lv2_600519", "lv1_600519"));
        client.start();
        server.takeCommand(Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        metrics.close();
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
    void countersAndGaugesCarryTheirBaseUnit() {
        assertThat(baseUnit(JvqMeters.FRAMES)).isEqualTo("frames");
        assertThat(baseUnit(JvqMeters.FRAMES_COMPRESSED)).isEqualTo(BaseUnits.BYTES);
        assertThat(baseUnit(JvqMeters.FRAMES_INFLATED)).isEqualTo(BaseUnits.BYTES);
        assertThat(baseUnit(JvqMeters.FRAMES_UNDELIVERED)).isEqualTo("frames");
        assertThat(registry.get(JvqMeters.RECORDS).meters()).extracting(m -> m.getId().getBaseUnit())
                .containsOnly("quotes");
        assertThat(baseUnit(JvqMeters.DELIVERED)).isEqualTo("quotes");
        assertThat(baseUnit(JvqMeters.UNDELIVERED)).isEqualTo("quotes");
        assertThat(baseUnit(JvqMeters.CONNECTIONS)).isEqualTo(BaseUnits.CONNECTIONS);
        assertThat(baseUnit(JvqMeters.DISPATCH_QUEUED)).isEqualTo(BaseUnits.EVENTS);
        assertThat(baseUnit(JvqMeters.DISPATCH_QUEUED_PEAK)).isEqualTo(BaseUnits.EVENTS);
        assertThat(baseUnit(JvqMeters.DISPATCH_DROPPED)).isEqualTo(BaseUnits.EVENTS);
        assertThat(baseUnit(JvqMeters.LISTENER_FAILURES)).isEqualTo(BaseUnits.EVENTS);
        assertThat(baseUnit(JvqMeters.UPTIME)).as("a time gauge: the registry's time unit").isEqualTo("seconds");
    }

    @Test
    void closeRemovesEveryMeterFromEveryRegistryAndStopsListeningToTheClient() {
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        metrics.bindTo(second);
        pushTradeOf(LocalTime.now(FeedMetrics.EXCHANGE_ZONE));
        await(() -> registry.get(JvqMeters.FEED_LAG).timer().count() == 1);
        await(() -> second.get(JvqMeters.FEED_LAG).timer().count() == 1);
        Timer lag = registry.get(JvqMeters.FEED_LAG).timer();
        Timer secondLag = second.get(JvqMeters.FEED_LAG).timer();

        metrics.close();

        assertThat(registry.getMeters()).isEmpty();
        assertThat(second.getMeters()).isEmpty();
        pushTradeOf(LocalTime.now(FeedMetrics.EXCHANGE_ZONE));
        await(() -> client.metrics().lagHistogram().count() == 2);
        assertThat(lag.count()).as("the client no longer records into the removed timer").isEqualTo(1);
        assertThat(secondLag.count()).isEqualTo(1);
        assertThatThrownBy(() -> metrics.bindTo(registry)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JvqClientMetrics is closed");
        assertThat(registry.getMeters()).isEmpty();

        JvqClientMetrics again = new JvqClientMetrics(client, Tags.of("feed", "main"));
        again.bindTo(registry);
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsAll(JvqMeters.ALL);
        again.close();
    }

    @Test
    void framesAndTheirLagAreMeasured() {
        LocalTime threeSecondsAgo = LocalTime.now(FeedMetrics.EXCHANGE_ZONE).minusSeconds(3);
        String line = pushTradeOf(threeSecondsAgo);

        Timer lag = registry.get(JvqMeters.FEED_LAG).timer();
        // a timer counts before it adds the time: a read in between sees the count without the time
        await(() -> lag.count() == 1 && lag.totalTime(TimeUnit.MILLISECONDS) > 0);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isBetween(3_000.0, 30_000.0);
        assertThat(registry.get(JvqMeters.FEED_LAG_LAST).timeGauge().value(TimeUnit.MILLISECONDS))
                .isBetween(3_000.0, 30_000.0);
        assertThat(registry.get(JvqMeters.FRAMES).functionCounter().count()).isEqualTo(1);
        assertThat(registry.get(JvqMeters.RECORDS).tag("level", "lv2").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get(JvqMeters.DELIVERED).functionCounter().count()).isEqualTo(1);
        assertThat(registry.get(JvqMeters.FRAMES_INFLATED).functionCounter().count())
                .isEqualTo(line.getBytes(StandardCharsets.UTF_8).length);
        assertThat(registry.get(JvqMeters.FRAMES_COMPRESSED).functionCounter().count())
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

    private String pushTradeOf(LocalTime exchangeTime) {
        tradeId++;
        String line = "lv2_600519=" + TimeOfDay.format(TimeOfDay.of(exchangeTime), true) + "," + tradeId + ",1700.50,100";
        server.pushQuotes(line);
        return line;
    }

    private String baseUnit(String name) {
        return registry.get(name).meter().getId().getBaseUnit();
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
