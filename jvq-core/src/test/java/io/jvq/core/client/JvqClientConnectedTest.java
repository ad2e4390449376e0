package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Refused;
import io.jvq.core.port.DiscoveryException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting for the first connection: {@code connected()} and {@code awaitConnected(Duration)}. */
class JvqClientConnectedTest extends ClientTestSupport {

    @Test
    void connectedCompletesWithTheServerOnceTheListenerHasHeardConnected() {
        client();
        CompletableFuture<String> connected = client.connected();
        assertThat(connected).isNotDone();

        client.start();

        assertThat(connected).succeedsWithin(Await.DEADLINE).isEqualTo(FakeDiscovery.DEFAULT_SERVER);
        assertThat(events.ofType(Connected.class)).containsExactly(new Connected(FakeDiscovery.DEFAULT_SERVER));
    }

    @Test
    void awaitConnectedReturnsTheServerAndAtOnceWhenAlreadyConnected() throws Exception {
        client();
        client.start();

        assertThat(client.awaitConnected(Await.DEADLINE)).isEqualTo(FakeDiscovery.DEFAULT_SERVER);
        assertThat(client.awaitConnected(Duration.ZERO)).isEqualTo(FakeDiscovery.DEFAULT_SERVER);
        assertThat(client.connected()).isCompletedWithValue(FakeDiscovery.DEFAULT_SERVER);
    }

    @Test
    void theFirstConnectionStaysTheAnswerAfterAReconnect() {
        discovery.thenServer("10.0.0.1:9000/first").thenServer("10.0.0.2:9000/second");
        client();
        startAndAwaitConnected().fail(new IOException("cut"));
        events.await(Connected.class, 2);

        assertThat(client.connected()).isCompletedWithValue("10.0.0.1:9000/first");
    }

    @Test
    void awaitConnectedTimesOutNamingTheTimeoutAndWhyTheLastAttemptFailedWithoutTheToken() {
        socket.onConnect(FakeSocketPort.Upgrade.REFUSE);
        client();
        client.start();
        socket.awaitConnection(1);

        assertThatThrownBy(() -> client.awaitConnected(Duration.ofMillis(200)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageStartingWith("no connection to the server within PT0.2S; the last attempt: connecting to "
                        + FakeDiscovery.DEFAULT_SERVER + " failed: IOException: connection refused by the fake")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aDiscoveryFailureQuotingTheTokenIsRedactedInTheTimeoutMessage() {
        discovery.thenFail(new DiscoveryException("discovery said no to " + TOKEN));
        socket.onConnect(FakeSocketPort.Upgrade.HOLD);
        client();
        client.start();
        socket.awaitConnection(1);

        assertThatThrownBy(() -> client.awaitConnected(Duration.ofMillis(100)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("discovery said no to ***")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void awaitConnectedBeforeStartSaysTheClientWasNotStarted() {
        client();

        assertThatThrownBy(() -> client.awaitConnected(Duration.ofMillis(50)))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("no connection to the server within PT0.05S (the client was not started: call start() first)");
    }

    @Test
    void aFatalRefusalFailsBothWithWhatTheServerSaid() {
        discovery.thenRefuse("-1", "{\"code\":\"-1\",\"msg\":\"invalid token\"}");
        client();
        CompletableFuture<String> connected = client.connected();
        client.start();
        events.await(Refused.class, 1);

        assertThat(connected).isCompletedExceptionally();
        assertThatThrownBy(connected::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the client has stopped: refused (-1)")
                .hasMessageContaining("invalid token");
        assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the client has stopped: refused (-1)")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aRefusingCloseBeforeTheFirstConnectedFailsIt() {
        socket.onConnect(FakeSocketPort.Upgrade.HOLD);
        client();
        client.start();
        FakeSocketPort.FakeConnection connection = socket.awaitConnection(1);

        connection.serverClose(1008, "令牌无效");

        assertThat(client.connected()).failsWithin(Await.DEADLINE)
                .withThrowableThat().withMessageContaining("the client has stopped: refused (1008)");
    }

    @Test
    void closingFirstFailsItSayingSo() {
        client();
        CompletableFuture<String> connected = client.connected();

        client.close();

        assertThatThrownBy(connected::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the client was closed before it connected");
        assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the client was closed before it connected");
    }

    @Test
    void cancellingOnesFutureLeavesTheOthersWaiting() {
        client();
        CompletableFuture<String> mine = client.connected();

        mine.cancel(true);
        client.start();

        assertThat(client.connected()).succeedsWithin(Await.DEADLINE).isEqualTo(FakeDiscovery.DEFAULT_SERVER);
    }

    @Test
    void aNegativeTimeoutIsAMistakeSaidAtOnce() {
        client();

        assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("awaitConnected needs a timeout of zero or more, got PT-1S");
    }
}
