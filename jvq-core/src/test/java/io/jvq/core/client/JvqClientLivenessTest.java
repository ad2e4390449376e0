package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Disconnected;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Pings, and replacing a connection that has gone silent; on virtual time, so the figures are exact. */
class JvqClientLivenessTest extends ClientTestSupport {
    private final VirtualScheduler clock = virtualTime();

    @Test
    void aSilentConnectionIsAbortedAtTheIdleTimeoutAndReplacedWithTheSubscriptionRestored() {
        client(options().idleTimeout(Duration.ofMillis(50)).build());
        client.subscribe(LV2_600519);
        FakeSocketPort.FakeConnection silent = startAndAwaitConnected();

        clock.advance(Duration.ofMillis(49));
        assertThat(silent.aborted()).as("49 ms of silence are within the idle timeout").isFalse();
        clock.advance(Duration.ofMillis(1));

        Disconnected disconnected = events.await(Disconnected.class, 1).get(0);
        assertThat(disconnected.closeCode()).isEqualTo(-1);
        assertThat(disconnected.reason()).contains("nothing received for 50 ms", "idle timeout 50 ms", "aborted");
        assertThat(silent.aborted()).isTrue();
        clock.advance(Duration.ofMillis(4));   // the longest backoff of the test options
        assertThat(socket.awaitConnection(2).awaitSent(1)).containsExactly("all=lv2_600519");
        assertThat(events.ofType(Disconnected.class)).as("the abort's own late callback is not reported")
                .allSatisfy(d -> assertThat(d.reason()).contains("idle timeout"));
    }

    @Test
    void framesPostponeTheIdleTimeout() {
        client(options().idleTimeout(Duration.ofMillis(50)).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        clock.advance(Duration.ofMillis(40));
        connection.pushLines("lv2_600519=09:30:00.120,1,1700.50,100");
        clock.advance(Duration.ofMillis(40));
        assertThat(connection.aborted()).as("40 ms since the last frame").isFalse();
        clock.advance(Duration.ofMillis(10));

        assertThat(connection.aborted()).as("50 ms since the last frame").isTrue();
        assertThat(events.await(Disconnected.class, 1).get(0).reason()).contains("nothing received for 50 ms");
    }

    @Test
    void pingsAreSentEveryIntervalAndPongsKeepTheConnectionAlive() {
        socket.answerPings();
        client(options().pingInterval(Duration.ofMillis(10)).idleTimeout(Duration.ofMillis(150)).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        clock.advance(Duration.ofMillis(500));   // over three idle timeouts

        assertThat(connection.pings()).isEqualTo(50);
        assertThat(connection.aborted()).isFalse();
        assertThat(events.ofType(Disconnected.class)).isEmpty();
        assertThat(socket.connectionCount()).isEqualTo(1);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void unansweredPingsDoNotKeepTheConnectionAlive() {
        client(options().pingInterval(Duration.ofMillis(5)).idleTimeout(Duration.ofMillis(40)).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        clock.advance(Duration.ofMillis(39));
        assertThat(connection.aborted()).isFalse();
        clock.advance(Duration.ofMillis(1));

        events.await(Disconnected.class, 1);
        assertThat(connection.pings()).as("at 5, 10, ... 35 ms; at 40 ms the idle check comes first").isEqualTo(7);
        assertThat(connection.aborted()).isTrue();
    }

    @Test
    void aReplacedConnectionIsPingedNoMore() {
        client(options().pingInterval(Duration.ofMillis(5)).build());
        FakeSocketPort.FakeConnection first = startAndAwaitConnected();
        clock.advance(Duration.ofMillis(10));

        first.fail(new java.io.IOException("connection reset"));
        clock.advance(Duration.ofMillis(100));

        assertThat(first.pings()).isEqualTo(2);
        assertThat(socket.awaitConnection(2).pings()).as("the new connection is pinged instead").isPositive();
    }
}
