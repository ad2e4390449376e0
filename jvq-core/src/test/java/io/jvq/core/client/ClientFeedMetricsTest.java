package io.jvq.core.client;

import io.jvq.core.QuoteLevel;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's {@link FeedMetrics} as frames, errors and drops happen. */
class ClientFeedMetricsTest extends ClientTestSupport {

    private static String tradeAt(LocalTime time, long id) {
        return "lv2_600519=" + TimeOfDay.format(TimeOfDay.of(time), true) + "," + id + ",10.00,100";
    }

    @Test
    void eachFrameIsTimedAgainstTheExchangeClockAndCountedByLevel() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        LocalTime twoSecondsAgoInShanghai = LocalTime.now(FeedMetrics.EXCHANGE_ZONE).minusSeconds(2);
        String lines = tradeAt(twoSecondsAgoInShanghai, 1) + "\n"
                + "lv1_600519=" + TimeOfDay.format(TimeOfDay.of(twoSecondsAgoInShanghai.minusSeconds(5)), false)
                + ",贵州茅台,1700.50,1.23,12345678,20987654321.50,"
                + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
                + "110,1700.51,210,1700.52,310,1700.53,410,1700.54,510,1700.55\n";

        connection.pushBinary(FakeSocketPort.deflate(lines));

        FeedMetrics metrics = client.metrics();
        assertThat(metrics.lastLag()).hasValueSatisfying(lag ->
                assertThat(lag).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30)));
        assertThat(metrics.lagHistogram().count()).isEqualTo(1);
        assertThat(metrics.records(QuoteLevel.LV2)).isEqualTo(1);
        assertThat(metrics.records(QuoteLevel.LV1)).isEqualTo(1);
        assertThat(metrics.inflatedBytes()).isEqualTo(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(metrics.sinceLastFrame()).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(30)));
    }

    @Test
    void decodeErrorsAreCountedByKind() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.pushBinary(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00});
        connection.pushLines("lv2_600519=09:30:00.120,not-a-number,1700.50,100", "lv2_600519=09:30:00.120,2,1700.50,100");

        events.await(Level2Trade.class, 1);
        assertThat(client.metrics().decodeErrors(DecodeErrorKind.FRAME)).isEqualTo(1);
        assertThat(client.metrics().decodeErrors(DecodeErrorKind.LINE)).isEqualTo(1);
        assertThat(events.ofType(DecodeError.class)).hasSize(2);
    }

    @Test
    void connectedAndUptimeFollowTheConnection() {
        client();
        assertThat(client.metrics().connected()).isFalse();
        FakeSocketPort.FakeConnection first = startAndAwaitConnected();
        assertThat(client.metrics().connected()).isTrue();

        socket.onConnect(FakeSocketPort.Upgrade.HOLD);
        first.serverClose(1006, "gone");
        events.await(ConnectionEvent.Disconnected.class, 1);
        assertThat(client.metrics().connected()).isFalse();
        assertThat(client.metrics().uptime()).isZero();

        socket.awaitConnection(2).accept();
        awaitConnected(2);
        assertThat(client.metrics().connected()).isTrue();
        client.close();
        assertThat(client.metrics().connected()).isFalse();
    }

    @Test
    void theQueueDepthIsWhatWaitsBehindASlowListener() {
        CountDownLatch release = new CountDownLatch(1);
        events.react(event -> {
            if (event instanceof Level2Trade t && t.tradeId() == 1) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        dispatch = Dispatch.bounded(16, OverflowPolicy.DROP_NEWEST);
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        connection.pushLines("lv2_600519=09:30:00.000,1,10.00,100");
        events.awaitFirst(Level2Trade.class, t -> t.tradeId() == 1);

        for (int id = 2; id <= 6; id++) {
            connection.pushLines("lv2_600519=09:30:00.000," + id + ",10.00,100");
        }

        assertThat(client.metrics().queuedEvents()).isEqualTo(5);
        release.countDown();
        events.await(Level2Trade.class, 6);
        Await.until("the queue to drain", () -> client.metrics().queuedEvents() == 0,
                () -> "queued " + client.metrics().queuedEvents());
    }
}
