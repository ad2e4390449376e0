package io.jvq.cli;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.CaptureHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static io.jvq.cli.StreamCommandTest.MOUTAI;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code jvq decode}: a capture file, offline, frame by frame. */
class DecodeCommandTest {
    @TempDir
    Path dir;

    private static byte[] rawDeflate(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] out = new byte[4096];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    private Path capture(CaptureEntry... entries) {
        Path file = dir.resolve("capture.jsonl");
        new Capture(CaptureHeader.minimal(), List.of(entries)).write(file);
        return file;
    }

    @Test
    void decodesEveryKindOfEntryInOrderAndReportsBadFramesInPlace() {
        Path file = capture(
                new CaptureEntry.Command(0, "all=lv1_600519,lv2_600519"),
                new CaptureEntry.Text(5, "all ok: lv1_600519,lv2_600519"),
                new CaptureEntry.Binary(100, rawDeflate(MOUTAI + "\nlv2_600519=09:30:00.120,7,1700.50,100\n")),
                new CaptureEntry.Binary(200, new byte[] {0x78, (byte) 0x9c, 0x01, 0x02}),
                new CaptureEntry.Quotes(300, "lv2_600519=09:30:01.000,8,1700.51,200\nlv2_600519=bad\n"),
                new CaptureEntry.Close(400, 1001, "server restarting"));

        CliRun run = CliRun.run("decode", "--format", "json", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(6).satisfiesExactly(
                l -> assertThat(l).isEqualTo("{\"type\":\"text\",\"text\":\"all ok: lv1_600519,lv2_600519\"}"),
                l -> assertThat(l).startsWith("{\"type\":\"lv1\",\"code\":\"600519\",").contains("\"price\":1700.50,"),
                l -> assertThat(l).isEqualTo("{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.120\","
                        + "\"tradeId\":7,\"price\":1700.50,\"qty\":100}"),
                l -> assertThat(l).startsWith("{\"type\":\"error\",\"reason\":\"").doesNotContain("\"code\""),
                l -> assertThat(l).contains("\"tradeId\":8,"),
                l -> assertThat(l).startsWith("{\"type\":\"error\",").contains("\"code\":\"600519\"")
                        .contains("\"line\":\"lv2_600519=bad\""));
        assertThat(run.err()).contains("jvq: at 0 ms: client sent all=lv1_600519,lv2_600519",
                "jvq: at 400 ms: server closed the connection (close code 1001, server restarting)",
                "jvq: decoded 6 entries: 3 events (1 lv1, 2 lv2, 0 lv10), 1 server texts, 2 decode errors");
    }

    @Test
    void deliversLinesWithExtraTrailingFieldsAndSaysSoOncePerRecordKind() {
        Path file = capture(
                new CaptureEntry.Binary(0, rawDeflate(MOUTAI + ",X,Y\n" + MOUTAI + ",Z\n")),
                new CaptureEntry.Quotes(10, "lv2_600519=09:30:00.120,7,1700.50,100,B\nlv2_600519=09:30:00.130,8,1700.49,300,S"));

        CliRun run = CliRun.run("decode", "--format", "json", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(4).noneMatch(l -> l.contains("\"error\""));
        assertThat(run.out()).contains("\"tradeId\":7,", "\"tradeId\":8,");
        assertThat(run.err().lines().filter(l -> l.contains("notice:"))).hasSize(2).satisfiesExactly(
                l -> assertThat(l).contains("jvq: notice: lv1 snapshot with 28 fields where 26 are documented"),
                l -> assertThat(l).contains("jvq: notice: lv2 trade with 5 fields where 4 are documented"));
    }

    @Test
    void textFormatByDefault() {
        Path file = capture(new CaptureEntry.Quotes(0, MOUTAI));
        CliRun run = CliRun.run("decode", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(
                "14:59:59 600519 贵州茅台 1700.50 +1.23% vol 12345678 amt 20987654321.50 bid 100@1700.49 ask 200@1700.51\n");
    }

    @Test
    void aFileNotInTheFormatFailsNamingTheLine() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, "{\"jvqCapture\":1}\n{\"t\":0,\"type\":\"text\",\"data\":\"ok\"}\n{\"t\":1,\"type\":\"txet\"}\n");

        CliRun run = CliRun.run("decode", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("jvq decode: not a capture: " + file + " line 3: ");
    }

    @Test
    void aMissingFileFailsNamingIt() {
        Path file = dir.resolve("nope.jsonl");
        CliRun run = CliRun.run("decode", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("jvq decode: cannot read " + file + ": no such file\n");
    }
}
