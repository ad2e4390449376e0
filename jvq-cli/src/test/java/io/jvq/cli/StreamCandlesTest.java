package io.jvq.cli;

import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.jvq.cli.StreamCommandTest.MOUTAI;
import static io.jvq.cli.StreamCommandTest.TOKEN;
import static io.jvq.cli.StreamCommandTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code jvq stream --candles} and {@code --board}, against the fake jvQuant over real sockets. */
class StreamCandlesTest {
    private final FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void candlesComeAsTheExchangeClockPassesTheirEndAndTheOpenOneEndsPartial() throws Exception {
        BackgroundRun run = BackgroundRun.start("stream", "--token", TOKEN, "--discovery-url",
                server.discoveryUrl().toString(), "--format", "json", "--candles", "5m", "--limit", "4",
                "--duration", "60", "lv2_600519", "lv2_000001");

        server.takeCommand(WAIT);
        server.pushQuotes("lv2_600519=09:25:00.000,1,1700.00,1000|09:34:59.000,2,1701.00,100\n"
                + "lv2_000001=09:35:00.500,3,12.00,100\n"
                + "lv2_600519=09:36:00.000,4,1702.00,200\n");
        CliRun done = run.join(WAIT);

        assertThat(done.exitCode()).as("stderr: %s", done.err()).isZero();
        assertThat(done.out().lines()).containsExactly(
                "{\"type\":\"text\",\"text\":\"all ok: lv2_600519,lv2_000001\"}",
                "{\"type\":\"candle\",\"code\":\"600519\",\"period\":\"5m\",\"end\":\"09:35\",\"open\":1700,"
                        + "\"high\":1701,\"low\":1700,\"close\":1701,\"volume\":1100,\"amount\":1870100,"
                        + "\"trades\":2,\"partial\":false}",
                // the input ends: the open bars, in order of first trade, partial
                "{\"type\":\"candle\",\"code\":\"600519\",\"period\":\"5m\",\"end\":\"09:40\",\"open\":1702,"
                        + "\"high\":1702,\"low\":1702,\"close\":1702,\"volume\":200,\"amount\":340400,"
                        + "\"trades\":1,\"partial\":true}",
                "{\"type\":\"candle\",\"code\":\"000001\",\"period\":\"5m\",\"end\":\"09:40\",\"open\":12,"
                        + "\"high\":12,\"low\":12,\"close\":12,\"volume\":100,\"amount\":1200,"
                        + "\"trades\":1,\"partial\":true}");
        assertThat(done.err()).contains("jvq: 3 5m bars from 4 trades (0 outside the sessions, 0 after their bar was printed)");
    }

    @Test
    void aBadPeriodIsAUsageErrorNamingIt() {
        CliRun run = CliRun.run("stream", "--token", TOKEN, "--candles", "2m", "lv2_600519");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown candle period '2m': expected 1m, 5m, 15m, 30m, 60m or 1d");
    }

    @Test
    void theBoardShowsSnapshotsASparklineOfMinuteClosesAndTheCurrentBarOnATerminal() throws Exception {
        BackgroundRun run = BackgroundRun.startOnTerminal("stream", "--token", TOKEN, "--discovery-url",
                server.discoveryUrl().toString(), "--board", "--limit", "6", "--duration", "60",
                "lv1_600519", "lv2_600519");

        server.takeCommand(WAIT);
        server.pushQuotes(MOUTAI + "\n"
                + "lv2_600519=09:30:10.000,1,1700.00,100|09:31:10.000,2,1702.00,100|09:32:10.000,3,1699.00,100"
                + "|09:33:10.000,4,1703.00,100|09:33:20.000,5,1704.00,300\n");
        CliRun done = run.join(WAIT);

        assertThat(done.exitCode()).as("stderr: %s", done.err()).isZero();
        String screen = done.out();
        String lastFrame = screen.substring(screen.lastIndexOf("\u001b[H")).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
        assertThat(lastFrame).startsWith("jvq stream · 2 codes · done\n")
                .contains("600519 贵州茅台", "1700.50", "+1.23%", "100@1700.49", "200@1700.51")
                // closes 1700, 1702, 1699 and the current bar's 1704: lowest ▁, highest █, 7 steps between
                .containsPattern("600519 +▂▅▁█ +09:34  1703.00 → 1704.00  1704.00  1703.00  400")
                .contains("trades", "#5 ");
        assertThat(lastFrame).as("the summary under the last frame").contains("jvq: summary: 6 events (1 lv1, 5 lv2, 0 lv10)");
        assertThat(done.err()).as("connection state goes to the board's status line").isEmpty();
    }

    @Test
    void theBoardIsPlainLinesWhenStdoutIsNotATerminal() throws Exception {
        BackgroundRun run = BackgroundRun.start("stream", "--token", TOKEN, "--discovery-url",
                server.discoveryUrl().toString(), "--board", "--limit", "1", "--duration", "60", "lv1_600519");
        server.takeCommand(WAIT);
        server.pushQuotes(MOUTAI);
        CliRun done = run.join(WAIT);

        assertThat(done.exitCode()).isZero();
        assertThat(done.out()).doesNotContain("\u001b").contains("14:59:59 600519 贵州茅台 1700.50 +1.23%");
    }
}
