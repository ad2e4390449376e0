package io.jvq.core.client;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames to events to the listener, and a listener that throws. */
class JvqClientDeliveryTest extends ClientTestSupport {

    private static Level2Trade trade(String symbol, int h, int m, int s, int ms, long id, String price, long qty) {
        return new Level2Trade(io.jvq.core.SubscriptionCode.lv2(symbol), TimeOfDay.of(h, m, s, ms), id,
                FixedPoint.of(price), qty);
    }

    @Test
    void binaryFramesAreDecodedAndDeliveredInOrderOnTheTransportThread() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        byte[] frame = FakeSocketPort.deflate("lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300\n"
                + "lv2_000001=09:30:01.005,77,10.01,500\n");

        connection.pushBinary(frame);
        connection.pushLines("lv2_600519=09:30:02.000,1234569,1700.48,200");

        assertThat(events.ofType(QuoteEvent.class)).containsExactly(
                trade("600519", 9, 30, 0, 120, 1234567, "1700.50", 100),
                trade("600519", 9, 30, 0, 120, 1234568, "1700.49", 300),
                trade("000001", 9, 30, 1, 5, 77, "10.01", 500),
                trade("600519", 9, 30, 2, 0, 1234569, "1700.48", 200));
        assertThat(events.received()).filteredOn(r -> r.event() instanceof QuoteEvent)
                .allSatisfy(r -> assertThat(r.thread()).isEqualTo(Thread.currentThread().getName()));
        ClientStats stats = client.stats();
        assertThat(stats.framesReceived()).isEqualTo(2);
        assertThat(stats.bytesReceived()).isEqualTo(frame.length
                + FakeSocketPort.deflate("lv2_600519=09:30:02.000,1234569,1700.48,200").length);
        assertThat(stats.quoteEvents()).isEqualTo(4);
        assertThat(stats.decodeErrors()).isZero();
    }

    @Test
    void textFramesAreDeliveredAsServerText() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.pushText("订阅成功 lv2_600519");

        assertThat(events.ofType(ServerText.class)).containsExactly(new ServerText("订阅成功 lv2_600519"));
    }

    @Test
    void aFrameThatDoesNotInflateIsReportedAndTheConnectionCarriesOn() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.pushBinary(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00});
        connection.pushLines("lv2_600519=09:30:00.120,1,1700.50,100");

        DecodeError error = events.await(DecodeError.class, 1).get(0);
        assertThat(error.frameLevel()).isTrue();
        assertThat(events.ofType(Level2Trade.class)).hasSize(1);
        assertThat(client.isConnected()).isTrue();
        assertThat(client.stats().decodeErrors()).isEqualTo(1);
        assertThat(client.stats().framesReceived()).isEqualTo(2);
    }

    @Test
    void aListenerThatThrowsGetsTheFailureReportedAndTheStreamContinues() {
        RuntimeException boom = new IllegalStateException("listener bug");
        events.react(event -> {
            if (event instanceof Level2Trade trade && trade.tradeId() == 1) {
                throw boom;
            }
        });
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.pushLines("lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.130,2,1700.49,200");
        connection.pushLines("lv2_600519=09:30:00.140,3,1700.48,300");

        List<JvqEvent> afterConnect = events.all().subList(events.all().size() - 4, events.all().size());
        assertThat(afterConnect).containsExactly(
                trade("600519", 9, 30, 0, 120, 1, "1700.50", 100),
                new ListenerFailure(trade("600519", 9, 30, 0, 120, 1, "1700.50", 100), boom),
                trade("600519", 9, 30, 0, 130, 2, "1700.49", 200),
                trade("600519", 9, 30, 0, 140, 3, "1700.48", 300));
        assertThat(client.isConnected()).isTrue();
        assertThat(client.stats().listenerFailures()).isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsAnErrorIsTreatedLikeOneThatThrowsAnException() {
        AssertionError failedCheck = new AssertionError("a listener's own assertion");
        events.react(event -> {
            if (event instanceof Level2Trade trade && trade.tradeId() == 1) {
                throw failedCheck;
            }
        });
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.pushLines("lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.130,2,1700.49,200");

        assertThat(events.ofType(ListenerFailure.class)).extracting(ListenerFailure::error).containsExactly(failedCheck);
        assertThat(events.ofType(Level2Trade.class)).extracting(Level2Trade::tradeId).containsExactly(1L, 2L);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aListenerThatThrowsAnErrorOnAConnectionEventDoesNotStallTheClientsThread() {
        events.react(event -> {
            if (event instanceof ConnectionEvent.Discovering || event instanceof ConnectionEvent.Connecting
                    || event instanceof ConnectionEvent.ReconnectScheduled) {
                throw new AssertionError("listener bug on " + event);
            }
        });
        discovery.thenRefuse("1", "{\"code\":\"1\"}");
        client();
        client.start();

        events.await(ConnectionEvent.Connected.class, 1);
        assertThat(events.ofType(ListenerFailure.class)).extracting(f -> (Object) f.event().getClass())
                .containsExactly(ConnectionEvent.Discovering.class, ConnectionEvent.ReconnectScheduled.class,
                        ConnectionEvent.Discovering.class, ConnectionEvent.Connecting.class);
    }

    @Test
    void aListenerThatAlsoThrowsOnTheFailureReportIsOnlyLoggedAndTheStreamContinues() {
        events.react(event -> {
            throw new IllegalStateException("always broken");
        });
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.pushLines("lv2_600519=09:30:00.120,1,1700.50,100");
        connection.pushText("reply");
        connection.pushLines("lv2_600519=09:30:00.140,3,1700.48,300");

        assertThat(events.ofType(Level2Trade.class)).extracting(Level2Trade::tradeId).containsExactly(1L, 3L);
        assertThat(events.ofType(ServerText.class)).hasSize(1);
        assertThat(events.ofType(ListenerFailure.class)).extracting(ListenerFailure::event)
                .contains(trade("600519", 9, 30, 0, 120, 1, "1700.50", 100), new ServerText("reply"));
        assertThat(client.isConnected()).isTrue();
        assertThat(client.stats().quoteEvents()).isEqualTo(2);
    }
}
