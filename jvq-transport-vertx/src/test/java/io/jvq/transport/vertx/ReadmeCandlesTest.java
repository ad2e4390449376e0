package io.jvq.transport.vertx;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.candle.Candle;
import io.jvq.core.candle.CandleAggregator;
import io.jvq.core.candle.CandlePeriod;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.market.Board;
import io.jvq.core.market.MarketPhase;
import io.jvq.core.market.SecurityRules;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's "Candlesticks from trades" and "Market reference data" examples: the code
 * between the markers is the README's, line for line (checked below), run for real.
 */
class ReadmeCandlesTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "io", "jvq", "transport", "vertx",
            "ReadmeCandlesTest.java");

    @Test
    void candlesFromALiveClient() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            BlockingQueue<Candle> chart = new LinkedBlockingQueue<>();

            // --- README: live
            CandleAggregator minutes = new CandleAggregator(CandlePeriod.M1, bar -> chart.add(bar));
            JvqClient client = JvqVertx.clientBuilder(options)
                    .quoteSink(minutes)
                    .build();
            client.subscribe(SubscriptionCode.lv2("600519"));
            client.start();
            // --- end

            try {
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
                server.pushQuotes("lv2_600519=09:25:00.000,1,1700.00,1000|09:30:10.000,2,1701.00,100"
                        + "|09:31:00.000,3,1702.00,100");
                Candle first = chart.poll(30, TimeUnit.SECONDS);
                assertThat(first).isEqualTo(new Candle("600519", CandlePeriod.M1, 9 * 60 + 31, FixedPoint.of("1700"),
                        FixedPoint.of("1701"), FixedPoint.of("1700"), FixedPoint.of("1701"), 1100,
                        FixedPoint.of("1870100"), 2, false));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void candlesOffline() {
        List<Candle> chart = new ArrayList<>();
        byte[] lines = ("lv2_600519=09:25:00.000,1,1700.00,1000|11:30:30.000,2,1690.00,100\n"
                + "lv2_600519=15:00:00.000,3,1710.00,2000\n").getBytes(StandardCharsets.UTF_8);

        // --- README: offline
        CandleAggregator daily = new CandleAggregator(CandlePeriod.D1, chart::add);
        new QuoteParser().parse(lines, 0, lines.length, daily);
        daily.finish();
        // --- end

        assertThat(chart).containsExactly(new Candle("600519", CandlePeriod.D1, 15 * 60, FixedPoint.of("1700"),
                FixedPoint.of("1710"), FixedPoint.of("1690"), FixedPoint.of("1710"), 3100,
                FixedPoint.of("5289000"), 3, true));
    }

    @Test
    void marketReferenceData() {
        // --- README: market
        SecurityRules rules = SecurityRules.of("600519", "贵州茅台");
        Board board = rules.board();                             // SHANGHAI_MAIN
        long limitUp = rules.limitUp(FixedPoint.of("1700.00"));  // 1870.00: prevClose × 1.1, half up to the tick
        MarketPhase phase = MarketPhase.at(TimeOfDay.of(14, 58, 0, 0)); // CLOSING_AUCTION
        // --- end

        assertThat(board).isEqualTo(Board.SHANGHAI_MAIN);
        assertThat(limitUp).isEqualTo(FixedPoint.of("1870.00"));
        assertThat(phase).isEqualTo(MarketPhase.CLOSING_AUCTION);
    }

    @Test
    void theReadmeShowsThisCodeLineForLine() throws IOException {
        List<List<String>> readme = javaBlocks(Files.readString(README), "## Candlesticks from trades",
                "## Market reference data");
        String source = Files.readString(SOURCE);
        assertThat(readme).containsExactly(marked(source, "live"), marked(source, "offline"), marked(source, "market"));
    }

    /** The ```java blocks from one heading to the end of the section of another, each as trimmed non-blank lines. */
    private static List<List<String>> javaBlocks(String markdown, String from, String last) {
        int sectionEnd = markdown.indexOf("\n## ", markdown.indexOf(last) + last.length());
        String part = markdown.substring(markdown.indexOf(from), sectionEnd < 0 ? markdown.length() : sectionEnd);
        List<List<String>> blocks = new ArrayList<>();
        for (int start = part.indexOf("```java\n"); start >= 0; start = part.indexOf("```java\n", start + 1)) {
            int end = part.indexOf("```", start + 8);
            blocks.add(trimmed(part.substring(start + 8, end)));
        }
        return blocks;
    }

    private static List<String> marked(String source, String name) {
        String begin = "// --- README: " + name + "\n";
        int start = source.indexOf(begin) + begin.length();
        return trimmed(source.substring(start, source.indexOf("// --- end", start)));
    }

    private static List<String> trimmed(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
