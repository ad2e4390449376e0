package io.jvq.cli;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.core.SubscriptionCode;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.jvq.cli.StreamCommandTest.MOUTAI;
import static io.jvq.cli.StreamCommandTest.TRADES;
import static io.jvq.cli.StreamCommandTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code jvq record}: what stream prints, plus a capture that decode and serve read back. */
class RecordCommandTest {
    private static final String TOKEN = "record-test-token-91c0";

    private final FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).start();

    @TempDir
    Path dir;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void writesEveryFrameAndCommandToACaptureThatDecodesToWhatWasPrinted() throws Exception {
        Path file = dir.resolve("session.jsonl");
        BackgroundRun run = BackgroundRun.start("record", "--token", TOKEN,
                "--discovery-url", server.discoveryUrl().toString(), "--format", "json", "--limit", "3",
                "--duration", "60", "--out", file.toString(), "lv1_600519", "lv2_600519");
        server.takeCommand(WAIT);
        server.pushMalformedLines("lv2_600519=not,a,trade");
        server.pushQuotes(MOUTAI + "\n" + TRADES + "\n");
        CliRun recorded = run.join(WAIT);
        assertThat(recorded.exitCode()).as("stderr: %s", recorded.err()).isZero();

        Capture capture = Capture.read(file);
        assertThat(capture.header().market()).isEqualTo("ab");
        assertThat(capture.header().source()).isEqualTo("jvq record");
        assertThat(capture.header().codes()).containsExactly(SubscriptionCode.lv1("600519"), SubscriptionCode.lv2("600519"));
        assertThat(capture.entries()).hasSize(4).satisfiesExactly(
                sent -> assertThat(sent).isEqualTo(new CaptureEntry.Command(sent.t(), "all=lv1_600519,lv2_600519")),
                reply -> assertThat(reply).isEqualTo(new CaptureEntry.Text(reply.t(), "all ok: lv1_600519,lv2_600519")),
                bad -> assertThat(bad).isInstanceOf(CaptureEntry.Binary.class),
                quotes -> assertThat(quotes).isInstanceOf(CaptureEntry.Binary.class));
        assertThat(java.nio.file.Files.readString(file)).doesNotContain(TOKEN);

        CliRun decoded = CliRun.run("decode", "--format", "json", file.toString());
        assertThat(decoded.exitCode()).isZero();
        assertThat(decoded.out()).isEqualTo(recorded.out());
        assertThat(decoded.out().lines().map(l -> l.substring(0, l.indexOf(',')))).containsExactly(
                "{\"type\":\"text\"", "{\"type\":\"error\"", "{\"type\":\"lv1\"", "{\"type\":\"lv2\"",
                "{\"type\":\"lv2\"");
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsAFailureNamingIt() {
        Path file = dir.resolve("no-such-dir").resolve("x.jsonl");
        CliRun run = CliRun.run("record", "--token", TOKEN, "--discovery-url", server.discoveryUrl().toString(),
                "--out", file.toString(), "lv1_600519");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jvq record: cannot write " + file);
        assertThat(server.discoveryCount()).as("nothing connects before the file is open").isZero();
    }
}
