package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What clients say, as the server hears and answers it. */
class ConversationTest {
    private final FakeJvQuant server = FakeJvQuant.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void answersEveryCommandWithExactlyOneTextFrame() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.send("add=lv1_600519,lv2_000001");
            client.send("nonsense");
            client.send("list");

            assertThat(client.nextText()).isEqualTo("add ok: lv1_600519,lv2_000001");
            assertThat(client.nextText()).startsWith("error: unknown command 'nonsense'");
            assertThat(client.nextText()).isEqualTo("list: lv1_600519,lv2_000001");
            assertThat(client.poll(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void takeCommandReturnsWhatEachClientSentInOrderWithItsConnection() {
        try (WsProbe first = WsProbe.connect(server)) {
            first.command("all=lv1_600519");
            try (WsProbe second = WsProbe.connect(server)) {
                second.command("add=lv2_000001");
                first.command("list");

                assertThat(server.takeCommand(WsProbe.WAIT)).isEqualTo(new ClientCommand(1, "all=lv1_600519"));
                assertThat(server.takeCommand(WsProbe.WAIT)).isEqualTo(new ClientCommand(2, "add=lv2_000001"));
                assertThat(server.takeCommand(WsProbe.WAIT)).isEqualTo(new ClientCommand(1, "list"));
            }
        }
    }

    @Test
    void hasAppliedACommandBeforeTakeCommandReturnsIt() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.send("all=lv1_600519");
            ClientCommand command = server.takeCommand(WsProbe.WAIT);

            assertThat(server.subscriptionOf(command.connectionId())).containsExactly(SubscriptionCode.lv1("600519"));
            assertThat(server.pushQuotes("lv1_600519=x")).isEqualTo(1);
            assertThat(client.nextText()).isEqualTo("all ok: lv1_600519");
            assertThat(client.nextBinary().inflated()).isEqualTo("lv1_600519=x");
        }
    }

    @Test
    void reportsATimeoutWithWhatItKnows() {
        assertThatThrownBy(() -> server.takeCommand(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no command from any client within PT0.05S (open connections: 0, accepted: 0, discoveries: 0)");
        assertThat(server.pollCommand(Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void answersABinaryFrameFromAClientWithAnError() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.sendBinary(new byte[]{1, 2, 3});

            assertThat(client.nextText()).startsWith("error: binary frames are not commands");
        }
    }

    @Test
    void countsAndAwaitsConnections() {
        WsProbe first = WsProbe.connect(server);
        WsProbe second = WsProbe.connect(server);
        server.awaitConnections(2, WsProbe.WAIT);
        assertThat(server.openConnectionIds()).containsExactly(1, 2);

        first.close();
        server.awaitConnections(1, WsProbe.WAIT);
        assertThat(server.openConnectionIds()).containsExactly(2);
        second.close();
        server.awaitConnections(0, WsProbe.WAIT);

        assertThat(server.acceptedConnectionCount()).isEqualTo(2);
        assertThatThrownBy(() -> server.subscriptionOf(1)).hasMessageContaining("no open connection #1");
    }
}
