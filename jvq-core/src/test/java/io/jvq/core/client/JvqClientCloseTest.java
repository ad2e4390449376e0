package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.ConnectionEvent.Closed;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Connecting;
import io.jvq.core.event.ConnectionEvent.Discovering;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.port.DiscoveryReply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** close(): final, idempotent, from any thread, and it leaves nothing running. */
class JvqClientCloseTest extends ClientTestSupport {

    @Test
    void closingAConnectedClientClosesTheConnectionWith1000AndBothPorts() {
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        Thread clientThread = client.schedulerThread();

        client.close();

        assertThat(connection.closeCode()).isEqualTo(1000);
        assertThat(socket.closed()).isTrue();
        assertThat(discovery.closed()).isTrue();
        assertThat(client.isConnected()).isFalse();
        assertThat(events.all()).last().isEqualTo(new Closed());
        assertThat(events.ofType(ConnectionEvent.Disconnected.class)).isEmpty();
        Await.until("the client's thread to end", () -> !clientThread.isAlive());
    }

    @Test
    void closeIsIdempotentAndTheClientRefusesWorkAfterwards() {
        client();
        client.close();
        client.close();

        assertThat(events.ofType(Closed.class)).hasSize(1);
        assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class).hasMessage("client is closed");
        assertThatThrownBy(() -> client.subscribe(LV1_600519)).hasMessage("client is closed");
        assertThatThrownBy(() -> client.unsubscribe(LV1_600519)).hasMessage("client is closed");
        assertThatThrownBy(() -> client.replaceAll(List.of())).hasMessage("client is closed");
        assertThatThrownBy(client::list).hasMessage("client is closed");
    }

    @Test
    void closingDuringABackoffWaitStopsReconnectingAndEndsTheThread() {
        discovery.thenRefuse("1", "{\"code\":\"1\"}");
        client(options().reconnect(new ReconnectPolicy(Duration.ofSeconds(30), Duration.ofSeconds(30), 2.0, 0.0))
                .build());
        client.start();
        events.await(ReconnectScheduled.class, 1);
        Thread clientThread = client.schedulerThread();

        client.close();

        Await.until("the client's thread to end", () -> !clientThread.isAlive());
        assertThat(discovery.callCount()).isEqualTo(1);
        assertThat(socket.connectionCount()).isZero();
        assertThat(events.all()).last().isEqualTo(new Closed());
    }

    @Test
    void aDiscoveryReplyArrivingAfterCloseIsIgnored() {
        CompletableFuture<DiscoveryReply> late = new CompletableFuture<>();
        discovery.thenPending(late);
        client();
        client.start();
        Await.until("the discovery call", () -> discovery.callCount() == 1);

        client.close();
        late.complete(FakeDiscovery.ok("10.0.0.1:1/late"));

        assertThat(socket.connectionCount()).isZero();
        assertThat(events.ofType(Connecting.class)).isEmpty();
    }

    @Test
    void aConnectionCompletingAfterCloseIsClosedAtOnce() {
        socket.onConnect(FakeSocketPort.Upgrade.HOLD);
        client();
        client.start();
        FakeSocketPort.FakeConnection connecting = socket.awaitConnection(1);
        events.await(Connecting.class, 1);

        client.close();
        connecting.accept();

        // the client learns of the late upgrade through the connect future's callback: wait for it
        Await.until("the late connection to be closed", () -> connecting.closeCode() != -1);
        assertThat(connecting.closeCode()).isEqualTo(1000);
        assertThat(connecting.sent()).isEmpty();
        assertThat(events.ofType(Connected.class)).isEmpty();
    }

    @Test
    void aListenerMayCloseTheClientFromAConnectionEvent() {
        events.react(event -> {
            if (event instanceof Connected) {
                client.close();
            }
        });
        client();
        client.start();

        events.await(Closed.class, 1);
        Thread clientThread = client.schedulerThread();
        Await.until("the client's thread to end", () -> !clientThread.isAlive());
        assertThat(socket.awaitConnection(1).closeCode()).isEqualTo(1000);
        assertThat(events.all()).last().isEqualTo(new Closed());
    }

    @Test
    void aListenerMayCloseTheClientFromAQuoteAndTheRestOfTheFrameIsDropped() {
        events.react(event -> {
            if (event instanceof Level2Trade) {
                client.close();
            }
        });
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> connection.pushLines(
                "lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.130,2,1700.49,200",
                "lv2_000001=09:30:00.140,3,10.01,300"));

        assertThat(events.ofType(Level2Trade.class)).hasSize(1);
        assertThat(events.all()).last().isEqualTo(new Closed());
        assertThat(connection.closeCode()).isEqualTo(1000);
    }

    @Test
    void aListenerClosingOnDiscoveringPreventsTheDiscoveryCall() {
        events.react(event -> {
            if (event instanceof Discovering) {
                client.close();
            }
        });
        client();
        client.start();

        events.await(Closed.class, 1);
        assertThat(discovery.callCount()).isZero();
    }

    @Test
    void aListenerClosingOnConnectingPreventsTheConnection() {
        events.react(event -> {
            if (event instanceof Connecting) {
                client.close();
            }
        });
        client();
        client.start();

        events.await(Closed.class, 1);
        assertThat(discovery.callCount()).isEqualTo(1);
        assertThat(socket.connectionCount()).isZero();
    }
}
