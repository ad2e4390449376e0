package io.jvq.transport.vertx.quickstart;

import io.jvq.sim.MarketSimulator;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's quick start: {@link PrintTrades} against the fake jvQuant as {@code jvq serve}
 * runs it (default token, no path rotation, the market simulator), on an ephemeral port given as
 * the class's argument instead of 18080.
 */
class QuickStartTest {

    @Test
    void printTradesPrintsTwentyTradesAndEnds() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.builder().rotatePaths(false).start()) {
            server.startFeed(MarketSimulator.builder().seed(1).tickInterval(Duration.ofMillis(50)).build()::nextTick,
                    Duration.ofMillis(50));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                PrintTrades.main(new String[] {server.discoveryUrl().toString()});
            } finally {
                System.setOut(stdout);
            }

            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            stdout.println("PrintTrades printed, for example: " + lines.get(0));
            assertThat(lines).hasSizeGreaterThanOrEqualTo(20);
            assertThat(lines).allMatch(line -> line.matches("(600519|000001) \\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)? #\\d+ \\d+ @ \\d+\\.\\d{2,4}"),
                    "symbol, time, trade id, quantity @ price");
            assertThat(server.acceptedConnectionCount()).isEqualTo(1);
        }
    }
}
