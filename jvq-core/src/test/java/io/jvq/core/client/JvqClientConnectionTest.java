package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Connecting;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.ConnectionEvent.Discovering;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery before every connection, connecting, and reconnecting after failures. */
class JvqClientConnectionTest extends ClientTestSupport {

    @Test
    void asksDiscoveryForAServerThenConnectsToItWithTheToken() {
        client(options().discoveryUrl("http://discovery.test/server").market("ab")
                .discoveryTimeout(Duration.ofSeconds(3)).connectTimeout(Duration.ofSeconds(4))
                .maxMessageBytes(123_456).build());

        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        DiscoveryRequest asked = discovery.calls().get(0).request();
        assertThat(asked.baseUrl()).isEqualTo(URI.create("http://discovery.test/server"));
        assertThat(asked.market()).isEqualTo("ab");
        assertThat(asked.type()).isEqualTo("websocket");
        assertThat(asked.token().reveal()).isEqualTo(TOKEN);
        assertThat(asked.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(connection.request.uri()).isEqualTo(URI.create("ws://127.0.0.1:9000/quotes?token=" + TOKEN));
        assertThat(connection.request.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(connection.request.maxMessageBytes()).isEqualTo(123_456);
        assertThat(events.ofType(ConnectionEvent.class)).containsExactly(
                new Discovering(0),
                new Connecting(0, "127.0.0.1:9000/quotes"),
                new Connected("127.0.0.1:9000/quotes"));
        assertThat(client.isConnected()).isTrue();
        assertThat(client.stats().connections()).isEqualTo(1);
    }

    @Test
    void discoveryRunsOnTheClientsOwnThread() {
        client();
        startAndAwaitConnected();

        assertThat(discovery.calls().get(0).thread()).startsWith("jvq-client-");
        assertThat(client.schedulerThread().isDaemon()).isTrue();
    }

    @Test
    void sendsOneAllCommandOnConnectEvenWithNothingSubscribed() {
        client();

        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        assertThat(connection.sent()).containsExactly("all=");
    }

    @Test
    void startIsIdempotent() {
        client();
        client.start();
        startAndAwaitConnected();

        assertThat(discovery.callCount()).isEqualTo(1);
        assertThat(socket.connectionCount()).isEqualTo(1);
    }

    @Test
    void asksDiscoveryAgainBeforeEveryReconnect() {
        discovery.thenServer("10.0.0.1:8001/a").thenServer("10.0.0.2:8002/b").thenServer("10.0.0.3:8003/c");
        client();
        client.start();

        awaitConnected(1).serverClose(1001, "going away");
        awaitConnected(2).fail(new IOException("connection reset"));
        awaitConnected(3);

        assertThat(socket.connections()).extracting(c -> c.request.uri().toString()).containsExactly(
                "ws://10.0.0.1:8001/a?token=" + TOKEN,
                "ws://10.0.0.2:8002/b?token=" + TOKEN,
                "ws://10.0.0.3:8003/c?token=" + TOKEN);
        assertThat(discovery.callCount()).isEqualTo(socket.connectionCount());
        assertThat(events.ofType(Connected.class)).extracting(Connected::server)
                .containsExactly("10.0.0.1:8001/a", "10.0.0.2:8002/b", "10.0.0.3:8003/c");
        assertThat(client.stats().connections()).isEqualTo(3);
        assertThat(client.stats().reconnects()).isEqualTo(2);
    }

    @Test
    void aServerCloseIsReportedWithItsCodeAndReasonThenAReconnectIsScheduled() {
        client();
        startAndAwaitConnected().serverClose(1001, "going away");

        Disconnected disconnected = events.await(Disconnected.class, 1).get(0);
        assertThat(disconnected.closeCode()).isEqualTo(1001);
        assertThat(disconnected.reason()).contains("server closed the connection").contains("going away");
        ReconnectScheduled scheduled = events.await(ReconnectScheduled.class, 1).get(0);
        assertThat(scheduled.attempt()).isEqualTo(1);
        assertThat(scheduled.delayMillis()).isEqualTo(1);
        events.await(Connected.class, 2);
    }

    @Test
    void aConnectionFailureIsReportedWithoutACloseCode() {
        client();
        startAndAwaitConnected().fail(new IOException("connection reset by peer"));

        Disconnected disconnected = events.await(Disconnected.class, 1).get(0);
        assertThat(disconnected.closeCode()).isEqualTo(-1);
        assertThat(disconnected.reason()).contains("IOException: connection reset by peer");
        events.await(Connected.class, 2);
    }

    @Test
    void aPassingRefusalIsReportedWithItsCodeAndBodyTokenRedactedThenRetried() {
        discovery.thenRefuse("1", "{\"code\":\"1\",\"msg\":\"no server free for " + TOKEN + "\"}");
        client();
        client.start();

        events.await(Connected.class, 1);
        Disconnected refused = events.await(Disconnected.class, 1).get(0);
        assertThat(refused.closeCode()).isEqualTo(-1);
        assertThat(refused.reason()).contains("discovery refused", "code=1", "\"msg\":\"no server free for ***\"")
                .doesNotContain(TOKEN);
        assertThat(discovery.callCount()).isEqualTo(2);
        assertThat(socket.connectionCount()).isEqualTo(1);
        assertThat(client.stats().discoveryFailures()).isEqualTo(1);
    }

    @Test
    void aFailedDiscoveryAndAReplyWithoutServerAreRetried() {
        discovery.thenFail(new DiscoveryException("HTTP 503 from http://d.test/server?token=" + TOKEN))
                .thenReply(new DiscoveryReply("0", null, "{\"code\":\"0\"}"))
                .thenServer("http://10.0.0.9:80/wrong-scheme");
        client();
        client.start();

        events.await(Connected.class, 1);
        assertThat(events.ofType(Disconnected.class)).extracting(Disconnected::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("discovery failed", "DiscoveryException", "HTTP 503",
                        "token=***").doesNotContain(TOKEN),
                reason -> assertThat(reason).contains("no server address", "{\"code\":\"0\"}"),
                reason -> assertThat(reason).contains("unusable server address", "unsupported scheme",
                        "http://10.0.0.9:80/wrong-scheme"));
        assertThat(discovery.callCount()).isEqualTo(4);
        assertThat(socket.connectionCount()).isEqualTo(1);
        assertThat(client.stats().discoveryFailures()).isEqualTo(3);
    }

    @Test
    void aRefusedUpgradeIsRetriedAfterAFreshDiscovery() {
        socket.onConnect(FakeSocketPort.Upgrade.REFUSE);
        client();
        client.start();
        Disconnected failed = events.await(Disconnected.class, 1).get(0);
        socket.onConnect(FakeSocketPort.Upgrade.ACCEPT);

        events.await(Connected.class, 1);
        assertThat(failed.reason()).contains("connecting to 127.0.0.1:9000/quotes failed",
                "connection refused by the fake");
        assertThat(discovery.callCount()).isEqualTo(socket.connectionCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void serverAddressesWithSchemeAndQueryAreUsedAsGiven() {
        discovery.thenServer("wss://q.example:443/ws?src=pip");
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        assertThat(connection.request.uri())
                .isEqualTo(URI.create("wss://q.example:443/ws?src=pip&token=" + TOKEN));
        assertThat(events.ofType(Connected.class)).containsExactly(new Connected("wss://q.example:443/ws"));
    }

    @Test
    void aFailedSendEndsTheConnectionAndTheNextOneRestoresTheSubscription() {
        client();
        FakeSocketPort.FakeConnection first = startAndAwaitConnected();
        first.failSends();

        client.subscribe(LV2_600519);

        Disconnected disconnected = events.await(Disconnected.class, 1).get(0);
        assertThat(disconnected.reason()).contains("sending add failed", "broken pipe");
        assertThat(first.aborted()).isTrue();
        assertThat(socket.awaitConnection(2).awaitSent(1)).containsExactly("all=lv2_600519");
    }

    @Test
    void callbacksFromAnEndedConnectionAreIgnored() {
        client();
        FakeSocketPort.FakeConnection old = startAndAwaitConnected();
        old.fail(new IOException("cut"));
        FakeSocketPort.FakeConnection fresh = socket.awaitConnection(2);
        events.await(Connected.class, 2);
        List<?> before = events.all();

        old.pushText("late reply");
        old.pushLines("lv2_600519=09:30:00.120,1,1700.50,100");
        old.serverClose(1000, "late close");
        old.fail(new IOException("late failure"));

        assertThat(events.all()).isEqualTo(before);
        assertThat(client.isConnected()).isTrue();
        fresh.pushText("still here");
        assertThat(events.ofType(ServerText.class)).containsExactly(new ServerText("still here"));
        assertThat(events.ofType(Level2Trade.class)).isEmpty();
        assertThat(client.stats().framesReceived()).isZero();
    }

    @Test
    void aDiscoveryThatNeverAnswersIsGivenUpOnAndRetried() {
        discovery.thenPending(new CompletableFuture<>());
        VirtualScheduler clock = virtualTime();
        client(options().discoveryTimeout(Duration.ofSeconds(3)).build());
        client.start();

        clock.advance(Duration.ofMillis(4_999));
        assertThat(events.ofType(Disconnected.class)).as("within the timeout and its 2 s of grace").isEmpty();
        clock.advance(Duration.ofMillis(1));
        events.await(Disconnected.class, 1);
        clock.advance(Duration.ofMillis(4));   // the longest backoff of the test options

        events.await(Connected.class, 1);
        assertThat(events.ofType(Disconnected.class)).extracting(Disconnected::reason).singleElement()
                .asString().contains("did not answer within PT3S").contains("token=***").doesNotContain(TOKEN);
        assertThat(discovery.callCount()).isEqualTo(2);
    }

    @Test
    void anUpgradeThatNeverCompletesIsGivenUpOnAndRetried() {
        socket.onConnect(FakeSocketPort.Upgrade.HOLD);
        VirtualScheduler clock = virtualTime();
        client(options().connectTimeout(Duration.ofMillis(20)).build());
        client.start();
        clock.advance(Duration.ofMillis(39));
        assertThat(events.ofType(Disconnected.class)).as("within the timeout and as much grace").isEmpty();
        clock.advance(Duration.ofMillis(1));
        Disconnected gaveUp = events.await(Disconnected.class, 1).get(0);
        socket.onConnect(FakeSocketPort.Upgrade.ACCEPT);
        clock.advance(Duration.ofMillis(4));

        events.await(Connected.class, 1);
        assertThat(gaveUp.reason()).contains("connecting to 127.0.0.1:9000/quotes did not complete within PT0.02S");
        FakeSocketPort.FakeConnection abandoned = socket.connections().get(0);
        abandoned.accept();
        assertThat(abandoned.closeCode()).as("a late upgrade is closed, not used").isEqualTo(1000);
        assertThat(abandoned.sent()).isEmpty();
        assertThat(events.ofType(Connected.class)).hasSize(1);
    }
}
