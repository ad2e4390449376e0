package io.jvq.cli;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.CaptureHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.jvq.cli.StreamCommandTest.MOUTAI;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code jvq decode --candles}: a capture's trades as candlesticks, by the session rules. */
class DecodeCandlesTest {
    @TempDir
    Path dir;

    private Path capture(CaptureEntry... entries) {
        return capture(CaptureHeader.minimal(), entries);
    }

    private Path capture(CaptureHeader header, CaptureEntry... entries) {
        Path file = dir.resolve("capture.jsonl");
        new Capture(header, List.of(entries)).write(file);
        return file;
    }

    /** 600519 trading at 10:00:00 … 10:02:10 with a trade of 000001 stamped {@code bogus} among them. */
    private static CaptureEntry[] moutaiMorningWith(String bogus) {
        return new CaptureEntry[] {
                new CaptureEntry.Text(0, "all ok: lv2_600519,lv2_000001"),
                new CaptureEntry.Quotes(1_000, "lv2_600519=10:00:00.000,1,1700.00,100|10:00:30.000,2,1701.00,100\n"),
                new CaptureEntry.Quotes(31_000, "lv2_000001=" + bogus + ",3,12.00,100\n"),
                new CaptureEntry.Quotes(61_000, "lv2_600519=10:01:00.000,4,1702.00,100|10:01:30.000,5,1703.00,100\n"),
                new CaptureEntry.Quotes(131_000, "lv2_600519=10:02:10.000,6,1704.00,100\n")};
    }

    private static List<String> candlesOf(CliRun run, String code) {
        return run.out().lines().filter(line -> line.contains("\"code\":\"" + code + "\""))
                .map(line -> line.replaceAll(".*\"end\":\"([0-9:]+)\".*\"trades\":([0-9]+),\"partial\":(\\w+).*",
                        "$1 $2 $3"))
                .toList();
    }

    @Test
    void oneTradeStampedMidnightDoesNotBreakTheOtherCodesBars() {
        CliRun run = CliRun.run("decode", "--candles", "1m", "--format", "json",
                capture(moutaiMorningWith("00:00:00.000")).toString());

        assertThat(run.exitCode()).isZero();
        // end, trades, partial: three bars, none twice, the last cut short by the end of the input
        assertThat(candlesOf(run, "600519")).containsExactly("10:01 2 false", "10:02 2 false", "10:03 1 true");
        assertThat(candlesOf(run, "000001")).isEmpty();
        // the capture has no recordedAt: no date, so 00:00 is a jump back that no other code confirms
        assertThat(run.err()).contains("jvq: 3 1m bars from 6 trades (0 outside the sessions, "
                + "0 after their bar was printed, 1 with an implausible time)");
    }

    @Test
    void aCaptureWithItsRecordingTimeDatesTheTradesAndBoundsTheirTimes() {
        // recorded from 10:00:00 in Shanghai: the entries' t say when each trade was received
        CaptureHeader header = new CaptureHeader(CaptureHeader.CURRENT_VERSION, "ab",
                Instant.parse("2026-12-01T02:00:00Z"), "test", List.of());
        CliRun midnight = CliRun.run("decode", "--candles", "1m", "--format", "json",
                capture(header, moutaiMorningWith("00:00:00.000")).toString());
        CliRun afternoon = CliRun.run("decode", "--candles", "1m", "--format", "json",
                capture(header, moutaiMorningWith("14:59:00.000")).toString());

        assertThat(candlesOf(midnight, "600519")).containsExactly("10:01 2 false", "10:02 2 false", "10:03 1 true");
        assertThat(candlesOf(afternoon, "600519")).containsExactly("10:01 2 false", "10:02 2 false", "10:03 1 true");
        // with a date, midnight is outside the sessions; 14:59, received at 10:00:31, is in the future
        assertThat(midnight.err()).contains("jvq: 3 1m bars from 6 trades (1 outside the sessions, "
                + "0 after their bar was printed)");
        assertThat(afternoon.err()).contains("jvq: 3 1m bars from 6 trades (0 outside the sessions, "
                + "0 after their bar was printed, 1 with an implausible time)");
    }

    /** A morning in trades: the auction, the first minutes, a quiet minute, a trade at lunch, the afternoon. */
    private Path morning() {
        return capture(
                new CaptureEntry.Text(0, "all ok: lv1_600519,lv2_600519,lv2_000001"),
                new CaptureEntry.Quotes(10, MOUTAI + "\n"
                        + "lv2_600519=09:25:00.000,1,1700.00,1000|09:30:00.120,2,1700.50,100|09:30:30.000,3,1701.00,200\n"
                        + "lv2_000001=09:30:40.000,4,12.34,500\n"),
                new CaptureEntry.Quotes(20, "lv2_600519=09:30:59.999,5,1699.90,300|09:32:10.000,6,1700.20,100\n"
                        + "lv2_600519=12:00:00.000,7,1700.20,100\n"
                        + "lv2_000001=13:00:01.000,8,12.40,100\n"));
    }

    @Test
    void jsonGivesOneObjectPerBarByTheSessionRules() {
        CliRun run = CliRun.run("decode", "--candles", "1m", "--format", "json", morning().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).startsWith(
                "{\"type\":\"text\",\"text\":\"all ok: lv1_600519,lv2_600519,lv2_000001\"}",
                // 09:32:10 passes the ends of 09:31 and 09:32: 000001's 09:32 is flat
                // 1700×1000 + 1700.5×100 + 1701×200 + 1699.9×300 = 1,700,000 + 170,050 + 340,200 + 509,970
                "{\"type\":\"candle\",\"code\":\"600519\",\"period\":\"1m\",\"end\":\"09:31\",\"open\":1700,"
                        + "\"high\":1701,\"low\":1699.9,\"close\":1699.9,\"volume\":1600,\"amount\":2720220,"
                        + "\"trades\":4,\"partial\":false}",
                "{\"type\":\"candle\",\"code\":\"600519\",\"period\":\"1m\",\"end\":\"09:32\",\"open\":1699.9,"
                        + "\"high\":1699.9,\"low\":1699.9,\"close\":1699.9,\"volume\":0,\"amount\":0,"
                        + "\"trades\":0,\"partial\":false}",
                "{\"type\":\"candle\",\"code\":\"000001\",\"period\":\"1m\",\"end\":\"09:31\",\"open\":12.34,"
                        + "\"high\":12.34,\"low\":12.34,\"close\":12.34,\"volume\":500,\"amount\":6170,"
                        + "\"trades\":1,\"partial\":false}",
                "{\"type\":\"candle\",\"code\":\"000001\",\"period\":\"1m\",\"end\":\"09:32\",\"open\":12.34,"
                        + "\"high\":12.34,\"low\":12.34,\"close\":12.34,\"volume\":0,\"amount\":0,"
                        + "\"trades\":0,\"partial\":false}",
                                "{\"type\":\"candle\",\"code\":\"600519\",\"period\":\"1m\",\"end\":\"09:33\",\"open\":1700.2,"
                        + "\"high\":1700.2,\"low\":1700.2,\"close\":1700.2,\"volume\":100,\"amount\":170020,"
                        + "\"trades\":1,\"partial\":false}")
                // the 12:00 trade is in no bar, but it moves the clock past 11:30: flat bars up to the lunch break
                .hasSize(1 + 4 + 1 + 117 + 118 + 1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(1 + 4 + 1 + 116)).contains("\"code\":\"600519\"", "\"end\":\"11:30\"", "\"trades\":0");
        assertThat(lines.get(lines.size() - 2)).contains("\"code\":\"000001\"", "\"end\":\"11:30\"", "\"trades\":0");
        // 13:00:01 has not passed the end of 13:01: 600519 has no bar there yet; 000001's is cut short
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"candle\",\"code\":\"000001\",\"period\":\"1m\","
                + "\"end\":\"13:01\",\"open\":12.4,\"high\":12.4,\"low\":12.4,\"close\":12.4,\"volume\":100,"
                + "\"amount\":1240,\"trades\":1,\"partial\":true}");
        assertThat(run.err()).contains("jvq: 241 1m bars from 8 trades (1 outside the sessions, 0 after their bar was printed)");
    }
}
