package io.jvq.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection faults a test can script. */
class FaultTest {
    private final FakeJvQuant server = FakeJvQuant.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void closeAllSendsACloseFrameWithTheCodeAndReason() {
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);

            server.closeAll(1001, "going away");

            assertThat(client.next(WsProbe.WAIT)).isEqualTo(new WsProbe.Closed(1001, "going away"));
            server.awaitConnections(0, WsProbe.WAIT);
        }
    }

    @Test
    void closeAllRejectsCodesThatCannotBeSent() {
        assertThatThrownBy(() -> server.closeAll(1006, "x")).hasMessageContaining("1006");
    }

    @Test
    void cutAllResetsTheConnectionWithoutACloseFrame() {
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);

            server.cutAll();

            assertThat(client.next(WsProbe.WAIT)).isInstanceOfSatisfying(WsProbe.Failed.class,
                    failed -> assertThat(failed.error()).hasMessageContaining("Connection reset"));
            server.awaitConnections(0, WsProbe.WAIT);
        }
    }

    @Test
    void stallLeavesPingsUnansweredAndSendsNothingUntilResumed() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.ping();
            assertThat(client.next(WsProbe.WAIT)).isInstanceOf(WsProbe.Pong.class);
            client.command("all=lv1_600519");
            assertThat(server.takeCommand(WsProbe.WAIT).text()).isEqualTo("all=lv1_600519");

            server.stall();
            client.ping();
            client.send("list");
            assertThat(server.pushQuotes("lv1_600519=1")).isZero();
            assertThat(server.pushText("lost")).isZero();
            assertThat(client.poll(Duration.ofMillis(500))).isNull();
            assertThat(server.pollCommand(Duration.ofMillis(10))).isEmpty();

            server.resume();
            assertThat(client.next(WsProbe.WAIT)).isInstanceOf(WsProbe.Pong.class);
            assertThat(client.nextText()).isEqualTo("list: lv1_600519");
            assertThat(server.takeCommand(WsProbe.WAIT).text()).isEqualTo("list");
        }
    }

    @Test
    void aStallFreezesOnlyTheConnectionsOpenAtTheTime() {
        try (WsProbe stalled = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);
            server.stall();

            try (WsProbe fresh = WsProbe.connect(server)) {
                assertThat(fresh.command("list")).isEqualTo("list:");
                fresh.ping();
                assertThat(fresh.next(WsProbe.WAIT)).isInstanceOf(WsProbe.Pong.class);
            }
            stalled.ping();
            assertThat(stalled.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aStalledConnectionCanStillBeCut() {
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);
            server.stall();

            server.cutAll();

            assertThat(client.next(WsProbe.WAIT)).isInstanceOfSatisfying(WsProbe.Failed.class,
                    failed -> assertThat(failed.error()).hasMessageContaining("Connection reset"));
            server.awaitConnections(0, WsProbe.WAIT);
        }
    }
}
