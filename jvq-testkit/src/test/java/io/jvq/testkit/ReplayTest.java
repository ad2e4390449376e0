package io.jvq.testkit;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.CaptureHeader;
import io.jvq.capture.ReplaySpeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayTest {
    private static final Capture LV1 = Capture.fromClasspath("captures/lv1-chinese-names.jsonl");
    private final FakeJvQuant server = FakeJvQuant.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void replaysTextQuotesAndBinaryEntriesInOrderAndSkipsCommands() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519,lv1_000001");

            server.replay(LV1, ReplaySpeed.asFastAsPossible()).await(WsProbe.WAIT);

            assertThat(client.nextText()).isEqualTo("all ok: lv1_600519,lv1_000001");
            assertThat(client.nextBinary().inflated()).isEqualTo(((CaptureEntry.Quotes) LV1.entries().get(2)).data());
            assertThat(client.nextBinary().bytes()).as("a connection that takes every line gets the recorded bytes")
                    .containsExactly(((CaptureEntry.Binary) LV1.entries().get(3)).data());
            assertThat(client.poll(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void filtersRecordedFramesByEachConnectionsSubscription() {
        try (WsProbe moutai = WsProbe.connect(server); WsProbe pingan = WsProbe.connect(server)) {
            moutai.command("all=lv1_600519");
            pingan.command("all=lv1_000001");

            server.replay(LV1, ReplaySpeed.asFastAsPossible()).await(WsProbe.WAIT);

            moutai.nextText();
            assertThat(moutai.nextBinary().inflated()).startsWith("lv1_600519=14:59:59,贵州茅台").doesNotContain("平安银行");
            assertThat(moutai.nextBinary().inflated()).startsWith("lv1_600519=15:00:00,贵州茅台");
            pingan.nextText();
            assertThat(pingan.nextBinary().inflated()).startsWith("lv1_000001=14:59:59,平安银行").doesNotContain("贵州茅台");
            assertThat(pingan.poll(Duration.ofMillis(200))).as("the recorded binary frame holds no 000001 line").isNull();
        }
    }

    @Test
    void sendsMalformedRecordedLinesToEveryone() {
        Capture malformed = Capture.fromClasspath("captures/malformed-line.jsonl");
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519");

            server.replay(malformed, ReplaySpeed.asFastAsPossible()).await(WsProbe.WAIT);

            assertThat(client.nextBinary().inflated()).contains("lv1_600519=14:59:59,贵州茅台,1700.50")
                    .contains("lv1_600519=14:59:59,贵州茅台,not-a-price").doesNotContain("平安银行");
        }
    }

    @Test
    void sendsARecordedFrameThatDoesNotInflateAsIsToEveryone() {
        byte[] broken = FakeJvQuant.notRawDeflateBytes();
        Capture capture = new Capture(CaptureHeader.minimal(), List.of(new CaptureEntry.Binary(0, broken)));
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);

            server.replay(capture, ReplaySpeed.asFastAsPossible()).await(WsProbe.WAIT);

            assertThat(client.nextBinary().bytes()).containsExactly(broken);
        }
    }

    @Test
    void playsACloseFault() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519");

            server.replay(Capture.fromClasspath("captures/close-fault.jsonl"), ReplaySpeed.asRecorded()).await(WsProbe.WAIT);

            assertThat(client.nextBinary().inflated()).startsWith("lv1_600519=");
            assertThat(client.next(WsProbe.WAIT)).isEqualTo(new WsProbe.Closed(1001, "server restarting"));
        }
    }

    @Test
    void playsAStallAndResumesAfterIt() {
        Capture capture = Capture.parse("""
                {"jvqCapture":1}
                {"t":0,"type":"fault","fault":"stall","ms":300}
                {"t":0,"type":"text","data":"after the stall"}
                """);
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);
            long start = System.nanoTime();

            server.replay(capture, ReplaySpeed.asFastAsPossible()).await(WsProbe.WAIT);

            assertThat(client.nextText()).isEqualTo("after the stall");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            client.ping();
            assertThat(client.next(WsProbe.WAIT)).isInstanceOf(WsProbe.Pong.class);
        }
    }

    @Test
    void waitsOutTheRecordedGapsAsRecorded() {
        Capture capture = Capture.parse("""
                {"jvqCapture":1}
                {"t":0,"type":"text","data":"first"}
                {"t":400,"type":"text","data":"second"}
                """);
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);
            long start = System.nanoTime();

            server.replay(capture, ReplaySpeed.asRecorded());
            client.nextText();
            client.nextText();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void scalesOrSkipsTheRecordedGaps() {
        Capture aMinuteApart = Capture.parse("""
                {"jvqCapture":1}
                {"t":0,"type":"text","data":"first"}
                {"t":60000,"type":"text","data":"a minute later"}
                """);
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);

            server.replay(aMinuteApart, ReplaySpeed.scaled(1000)).await(WsProbe.WAIT);
            server.replay(aMinuteApart, ReplaySpeed.asFastAsPossible()).await(WsProbe.WAIT);

            assertThat(List.of(client.nextText(), client.nextText(), client.nextText(), client.nextText()))
                    .containsExactly("first", "a minute later", "first", "a minute later");
        }
    }

    @Test
    void canBeCancelled() {
        Capture slow = Capture.parse("""
                {"jvqCapture":1}
                {"t":60000,"type":"text","data":"never"}
                """);
        Replay replay = server.replay(slow, ReplaySpeed.asRecorded());

        replay.cancel();

        assertThatThrownBy(() -> replay.await(WsProbe.WAIT)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cancelled after 0 entries");
        assertThat(replay.entriesPlayed()).isZero();
    }

    @Test
    void rejectsNonsenseSpeeds() {
        assertThatThrownBy(() -> ReplaySpeed.scaled(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> ReplaySpeed.scaled(Double.NaN)).hasMessageContaining("NaN");
    }
}
