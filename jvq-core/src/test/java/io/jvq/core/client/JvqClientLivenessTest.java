package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Disconnected;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Pings, and replacing a connection that has gone silent. */
class JvqClientLivenessTest extends ClientTestSupport {

    @Test
    void aSilentConnectionIsAbortedAndReplacedWithTheSubscriptionRestored() {
        client(options().idleTimeout(Duration.ofMillis(50)).build());
        client.subscribe(LV2_600519);
        FakeSocketPort.FakeConnection silent = startAndAwaitConnected();

        Disconnected disconnected = events.await(Disconnected.class, 1).get(0);

        assertThat(disconnected.closeCode()).isEqualTo(-1);
        assertThat(disconnected.reason()).contains("idle timeout 50 ms", "aborted");
        assertThat(silent.aborted()).isTrue();
        assertThat(socket.awaitConnection(2).awaitSent(1)).containsExactly("all=lv2_600519");
        assertThat(events.ofType(Disconnected.class)).as("the abort's own late callback is not reported")
                .allSatisfy(d -> assertThat(d.reason()).contains("idle timeout"));
    }

    @Test
    void pingsAreSentAndPongsKeepTheConnectionAlive() {
        socket.answerPings();
        client(options().pingInterval(Duration.ofMillis(10)).idleTimeout(Duration.ofMillis(150)).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        Await.until("50 pings (over three idle timeouts)", () -> connection.pings() >= 50);

        assertThat(connection.aborted()).isFalse();
        assertThat(events.ofType(Disconnected.class)).isEmpty();
        assertThat(socket.connectionCount()).isEqualTo(1);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void unansweredPingsDoNotKeepTheConnectionAlive() {
        client(options().pingInterval(Duration.ofMillis(5)).idleTimeout(Duration.ofMillis(40)).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        events.await(Disconnected.class, 1);

        assertThat(connection.pings()).isGreaterThan(0);
        assertThat(connection.aborted()).isTrue();
    }
}
