package io.jvq.capture;

import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureFormatTest {
    private static final String HEADER = "{\"jvqCapture\":1}";

    @Test
    void writesAndReadsBackEveryKindOfEntry(@TempDir Path dir) {
        CaptureHeader header = new CaptureHeader(1, "ab", Instant.parse("2025-06-03T06:59:59Z"), "a test",
                List.of(SubscriptionCode.lv1("600519"), SubscriptionCode.lv2("000001")));
        Capture written = new Capture(header, List.of(
                new CaptureEntry.Command(0, "all=lv1_600519,lv2_000001"),
                new CaptureEntry.Text(3, "all ok: lv1_600519,lv2_000001"),
                new CaptureEntry.Quotes(10, "lv1_600519=14:59:59,贵州茅台,1700.50\n"),
                new CaptureEntry.Binary(10, RawDeflateText.deflate("lv2_000001=09:30:00.120,1,11.50,100")),
                new CaptureEntry.Stall(20, 1500),
                new CaptureEntry.Cut(3000),
                new CaptureEntry.Close(4000, 1001, "going away"),
                new CaptureEntry.Close(4000, 1000, "")));
        Path file = dir.resolve("round-trip.jsonl");

        written.write(file);
        Capture read = Capture.read(file);

        assertThat(read).isEqualTo(written);
    }

    @Test
    void writesOneReadableJsonObjectPerLineWithChineseKeptAsIs() throws IOException {
        StringWriter out = new StringWriter();
        try (CaptureWriter writer = CaptureWriter.to(out, CaptureHeader.minimal())) {
            writer.write(new CaptureEntry.Quotes(5, "lv1_600519=14:59:59,贵州茅台,1700.50"));
            writer.write(new CaptureEntry.Binary(6, new byte[]{1, 2, 3}));
            writer.write(new CaptureEntry.Close(7, 1001, "bye"));
            writer.write(new CaptureEntry.Cut(8));
            writer.write(new CaptureEntry.Stall(9, 250));
        }

        assertThat(out.toString()).isEqualTo("""
                {"jvqCapture":1}
                {"t":5,"type":"quotes","data":"lv1_600519=14:59:59,贵州茅台,1700.50"}
                {"t":6,"type":"binary","data":"AQID"}
                {"t":7,"type":"fault","fault":"close","code":1001,"reason":"bye"}
                {"t":8,"type":"fault","fault":"cut"}
                {"t":9,"type":"fault","fault":"stall","ms":250}
                """);
    }

    @Test
    void stampsEntriesWithTheTimeSinceTheWriterStarted() throws IOException {
        StringWriter out = new StringWriter();
        try (CaptureWriter writer = CaptureWriter.to(out, CaptureHeader.minimal())) {
            writer.command("list");
            writer.text("list:");
        }
        Capture capture = Capture.parse(out.toString());

        assertThat(capture.entries()).hasSize(2);
        assertThat(capture.entries().get(0)).isInstanceOf(CaptureEntry.Command.class);
        assertThat(capture.entries().get(1).t()).isGreaterThanOrEqualTo(capture.entries().get(0).t());
    }

    @Test
    void writerRefusesEntriesThatGoBackInTime() throws IOException {
        try (CaptureWriter writer = CaptureWriter.to(new StringWriter(), CaptureHeader.minimal())) {
            writer.write(new CaptureEntry.Text(100, "a"));

            assertThatThrownBy(() -> writer.write(new CaptureEntry.Text(99, "b")))
                    .hasMessage("entry t 99 is earlier than the previous 100");
        }
    }

    @Test
    void readsTheHandWrittenFixtures() {
        Capture lv1 = Capture.fromClasspath("captures/lv1-chinese-names.jsonl");
        Capture lv2 = Capture.fromClasspath("captures/lv2-both-orders.jsonl");
        Capture lv10 = Capture.fromClasspath("captures/lv10.jsonl");
        Capture malformed = Capture.fromClasspath("captures/malformed-line.jsonl");
        Capture close = Capture.fromClasspath("captures/close-fault.jsonl");

        assertThat(lv1.header().codes()).containsExactly(SubscriptionCode.lv1("600519"), SubscriptionCode.lv1("000001"));
        assertThat(lv1.header().recordedAt()).isEqualTo(Instant.parse("2025-06-03T06:59:59Z"));
        assertThat(lv1.entries()).hasSize(4);
        assertThat(((CaptureEntry.Quotes) lv1.entries().get(2)).data()).contains("贵州茅台").contains("平安银行");
        assertThat(inflate((CaptureEntry.Binary) lv1.entries().get(3))).startsWith("lv1_600519=15:00:00,贵州茅台,1700.60,");
        assertThat(inflate((CaptureEntry.Binary) lv2.entries().get(0)))
                .contains("|1234568,09:30:00.120,1700.49,300|").contains("lv2_127063=");
        assertThat(((CaptureEntry.Quotes) lv10.entries().get(0)).data().split(",")).hasSize(46);
        assertThat(((CaptureEntry.Quotes) malformed.entries().get(0)).data()).contains("not-a-price");
        assertThat(close.entries().get(1)).isEqualTo(new CaptureEntry.Close(50, 1001, "server restarting"));
    }

    @Test
    void levelOneFixtureLinesHaveTwentySixFields() {
        String quotes = ((CaptureEntry.Quotes) Capture.fromClasspath("captures/lv1-chinese-names.jsonl").entries().get(2)).data();

        for (String line : quotes.strip().split("\n")) {
            assertThat(line.substring(line.indexOf('=') + 1).split(",")).as(line).hasSize(26);
        }
    }

    @Test
    void skipsBlankLinesAndAByteOrderMark() {
        Capture capture = Capture.parse("\uFEFF" + HEADER + "\n\n{\"t\":1,\"type\":\"text\",\"data\":\"x\"}\n   \n");

        assertThat(capture.entries()).containsExactly(new CaptureEntry.Text(1, "x"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"t":0,"type":"text","data":"a"}\\n{"t":1,"type":"text","data":"b"}\\n{"t":2,"type":"text","data":"c"|3|not valid JSON
            {"t":0,"type":"text","data":"a"}\\n[1,2]|2|not a JSON object: '[1,2]'
            {"t":0,"type":"text","data":"a","data":"b"}|1|not valid JSON (Duplicate field 'data')
            {"t":0,"type":"text","data":"a"} {"t":1}|1|text after the JSON object
            {"t":0,"type":"sound","data":"a"}|1|unknown 'type' 'sound' (expected text, binary, quotes, command or fault)
            {"type":"text","data":"a"}|1|missing 't'
            {"t":"soon","type":"text","data":"a"}|1|'t' must be an integer, got soon
            {"t":1.5,"type":"text","data":"a"}|1|'t' must be an integer, got 1.5
            {"t":-1,"type":"text","data":"a"}|1|'t' must be >= 0, got -1
            {"t":5,"type":"text","data":"a"}\\n{"t":4,"type":"text","data":"b"}|2|'t' 4 is earlier than the previous entry's 5; entries must be in time order
            {"t":0,"type":"text"}|1|missing 'data'
            {"t":0,"type":"text","data":7}|1|'data' must be a string, got 7
            {"t":0,"type":"text","data":"a","dta":"b"}|1|unknown key 'dta' in a text entry (allowed: data, t, type)
            {"t":0,"type":"binary","data":"not base64!"}|1|'data' of a binary entry must be base64
            {"t":0,"type":"fault","fault":"explode"}|1|unknown 'fault' 'explode' (expected close, cut or stall)
            {"t":0,"type":"fault","fault":"close","code":1006}|1|close 'code' 1006 cannot be sent in a close frame
            {"t":0,"type":"fault","fault":"close"}|1|missing 'code'
            {"t":0,"type":"fault","fault":"stall"}|1|missing 'ms'
            {"t":0,"type":"fault","fault":"stall","ms":-5}|1|stall 'ms' must be >= 0, got -5
            {"t":0,"type":"fault","fault":"cut","reason":"x"}|1|unknown key 'reason' in a cut fault
            {"jvqCapture":1}|1|a second header; a capture has one, on its first line
            """)
    void namesTheLineAndTheProblemOfAMalformedEntry(String entries, int entryLine, String problem) {
        String capture = HEADER + "\n" + entries.replace("\\n", "\n");

        assertThatThrownBy(() -> Capture.parse(capture))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageStartingWith("<string> line " + (entryLine + 1) + ": " + problem)
                .satisfies(e -> assertThat(((CaptureFormatException) e).line()).isEqualTo(entryLine + 1));
    }

    @Test
    void namesProblemsWithTheHeader() {
        assertThatThrownBy(() -> Capture.parse("")).hasMessage(
                "<string> line 1: empty capture: expected the header {\"jvqCapture\":1,…}");
        assertThatThrownBy(() -> Capture.parse("{\"t\":0,\"type\":\"text\",\"data\":\"a\"}")).hasMessageStartingWith(
                "<string> line 1: expected the header {\"jvqCapture\":1,…} as the first line, got '{\"t\":0");
        assertThatThrownBy(() -> Capture.parse("{\"jvqCapture\":2}")).hasMessage(
                "<string> line 1: unsupported capture version 2 (this library reads version 1)");
        assertThatThrownBy(() -> Capture.parse("{\"jvqCapture\":1,\"author\":\"me\"}")).hasMessageStartingWith(
                "<string> line 1: unknown key 'author' in the header");
        assertThatThrownBy(() -> Capture.parse("{\"jvqCapture\":1,\"codes\":[\"lv9_600519\"]}")).hasMessageStartingWith(
                "<string> line 1: invalid subscription code 'lv9_600519'");
        assertThatThrownBy(() -> Capture.parse("{\"jvqCapture\":1,\"recordedAt\":\"yesterday\"}")).hasMessageContaining(
                "'recordedAt' must be an ISO-8601 instant");
    }

    @Test
    void namesTheFileOfABadCapture(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), HEADER + "\n{\"t\":0}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Capture.read(file)).hasMessage(file + " line 2: missing 'type'");
    }

    @Test
    void namesAMissingResource() {
        assertThatThrownBy(() -> Capture.fromClasspath("captures/nope.jsonl"))
                .hasMessage("no capture resource 'captures/nope.jsonl' on the class path");
    }

    private static String inflate(CaptureEntry.Binary binary) {
        return RawDeflateText.inflate(binary.data());
    }
}
