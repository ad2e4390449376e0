package io.jvq.cli.session;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStatsTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SessionStats stats = new SessionStats(nanos::get);

    private static Level1Quote quote() {
        return new Level1Quote(SubscriptionCode.lv1("600519"), 0, "x", FixedPoint.of("1.00"), 0, 0, 0, new long[20]);
    }

    private static Level2Trade trade() {
        return new Level2Trade(SubscriptionCode.lv2("600519"), 0, 1, FixedPoint.of("1.00"), 100);
    }

    @Test
    void summaryCountsEventsBytesReconnectsAndDecodeErrors() {
        stats.receivedBinary(ByteBuffer.allocate(1000));
        stats.receivedText("订阅"); // 6 bytes of UTF-8
        for (int i = 0; i < 3; i++) {
            stats.count(quote());
        }
        stats.count(trade());
        stats.count(new ServerText("ok"));
        stats.count(new DecodeError("lv2_600519", "lv2_600519=x", "bad"));
        stats.count(new ConnectionEvent.Disconnected(-1, "cut"));
        stats.count(new ConnectionEvent.ReconnectScheduled(1, 500));
        nanos.addAndGet(2_500_000_000L);
        stats.end();
        nanos.addAndGet(10_000_000_000L); // after end(): no longer counted

        assertThat(stats.events()).isEqualTo(4);
        assertThat(stats.summary()).isEqualTo(
                "4 events (3 lv1, 1 lv2, 0 lv10) in 2.5 s, 1.6 events/s, 1006 bytes, 1 reconnect, 1 decode error");
    }

    @Test
    void everyScheduledReconnectionCountsAndNothingElse() {
        stats.count(new ConnectionEvent.Discovering(0));
        stats.count(new ConnectionEvent.Connecting(0, "127.0.0.1:1/x"));
        stats.count(new ConnectionEvent.Connected("127.0.0.1:1/x"));
        assertThat(stats.reconnects()).isZero();
        stats.count(new ConnectionEvent.ReconnectScheduled(1, 500));
        stats.count(new ConnectionEvent.ReconnectScheduled(2, 1000));
        assertThat(stats.reconnects()).isEqualTo(2);
        assertThat(stats.events()).isZero();
    }

    @Test
    void rateOfAnEmptySessionIsZero() {
        stats.end();
        assertThat(stats.eventsPerSecond()).isEqualTo("0.0");
    }

    @Test
    void binaryBytesAreCountedWithoutMovingTheBuffer() {
        ByteBuffer frame = ByteBuffer.wrap(new byte[64]);
        frame.position(14);
        stats.receivedBinary(frame);
        assertThat(stats.bytes()).isEqualTo(50);
        assertThat(frame.position()).isEqualTo(14);
    }
}
