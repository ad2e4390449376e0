package io.jvq.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jvq demo} end to end in this JVM: fake server, simulated market, a real client over
 * loopback. A generous duration with a quote limit ends each run as soon as quotes were shown,
 * however slow the machine is at starting up.
 */
class DemoCommandTest {
    private static final Pattern LEVEL1 = Pattern.compile(
            "\\d\\d:\\d\\d:\\d\\d (\\d{6}) \\S+ \\d+\\.\\d{2,4} [+-]?\\d+\\.\\d{2,4}% vol \\d+ amt \\d+\\.\\d{2,4} bid .*");
    private static final Pattern TRADE = Pattern.compile(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (\\d{6}) trade #\\d+ \\d+\\.\\d{2,4} x \\d+");

    @Test
    void showsLevel1QuotesAndATradeTapeForTheWellKnownCodesThenASummary() {
        CliRun run = CliRun.run("demo", "--duration", "60", "--limit", "60", "--seed", "7");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        List<String> level1 = lines.stream().filter(l -> LEVEL1.matcher(l).matches()).toList();
        List<String> trades = lines.stream().filter(l -> TRADE.matcher(l).matches()).toList();
        assertThat(level1).as("level-1 lines").isNotEmpty();
        assertThat(trades).as("trade tape").isNotEmpty();
        assertThat(level1.size() + trades.size()).isEqualTo(60);
        assertThat(level1).allSatisfy(l -> assertThat(DemoCommand.SYMBOLS).contains(l.substring(9, 15)));
        assertThat(run.out()).contains("贵州茅台").doesNotContain("\u001b[");
        assertThat(lines.get(lines.size() - 1)).startsWith("summary: 60 events (").contains("events/s")
                .contains("bytes").contains("0 reconnects").contains("0 decode errors");
        assertThat(run.err()).contains("jvq: connected to 127.0.0.1:");
    }

    @Test
    void jsonFormatKeepsStdoutPureAndPutsTheSummaryOnStderr() throws IOException {
        CliRun run = CliRun.run("demo", "--duration", "60", "--limit", "20", "--format", "json");

        assertThat(run.exitCode()).isZero();
        Map<String, Integer> types = new HashMap<>();
        JsonFactory json = new JsonFactory();
        for (String line : run.out().lines().toList()) {
            try (JsonParser parser = json.createParser(line)) {
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                assertThat(parser.nextFieldName()).isEqualTo("type");
                types.merge(parser.nextTextValue(), 1, Integer::sum);
            }
        }
        assertThat(types.keySet()).containsAnyOf("lv1", "lv2").isSubsetOf("text", "lv1", "lv2");
        assertThat(types.getOrDefault("lv1", 0) + types.getOrDefault("lv2", 0)).isEqualTo(20);
        assertThat(run.err()).contains("jvq: summary: 20 events");
    }

    @Test
    void onATerminalItDrawsAQuoteBoardInColour() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JvqCli.run(new CliEnvironment(Map.of("TERM", "xterm"), true), new PrintWriter(out, true),
                new PrintWriter(err, true), "demo", "--duration", "60", "--limit", "40");

        assertThat(exit).isZero();
        String screen = out.toString();
        assertThat(screen).startsWith("\u001b[2J").contains("\u001b[H").contains("jvq demo · fake jvQuant on 127.0.0.1:");
        String lastFrame = screen.substring(screen.lastIndexOf("\u001b[H")).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
        assertThat(lastFrame).contains("600519 贵州茅台", "000001 平安银行", "127063 贵轮转债", "trades", "summary: 40 events");
        assertThat(screen).as("rises and falls coloured").containsAnyOf("\u001b[31m", "\u001b[32m");
        assertThat(err.toString()).as("connection state goes to the board, not over it").isEmpty();
    }
}
