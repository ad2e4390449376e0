package io.jvq.cli;

import io.jvq.testkit.DiscoveryFault;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jvq stream} against a server that behaves as a real one may: a welcome line nobody asked
 * for, discovery failing with HTTP 500, then a body that is not JSON, then "no server free", then
 * a connection closed with a close frame, one cut (whose trades carry an undocumented extra field),
 * and one that goes silent. The run stays up,
 * gives the silent connection up within 15 s with the default settings, and prints every quote
 * sent after each resubscription once, in order.
 */
class RealServerScenarioTest {
    private static final String TOKEN = "scenario-token-9c2d";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern TRADE_ID = Pattern.compile("\"type\":\"lv2\".*\"tradeId\":(\\d+),");

    private final FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).welcome("welcome to jvQuant").start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"vertx", "tyrus"})
    void staysUpThroughEveryFailureAndPrintsEachQuoteOnceInOrder(String transport) throws Exception {
        server.failNextDiscoveries(1, DiscoveryFault.httpStatus(500));
        server.failNextDiscoveries(1, DiscoveryFault.garbageJson());
        server.failNextDiscoveries(1, DiscoveryFault.busy());
        BackgroundRun run = BackgroundRun.start("stream", "--token", TOKEN, "--discovery-url",
                server.discoveryUrl().toString(), "--transport", transport, "--format", "json", "--limit", "8",
                "--duration", "120", "lv2_600519");

        subscribedThenPush(run, 1, 2);
        server.closeAll(1001, "going away");
        subscribedThenPush(run, 3, 4);
        server.cutAll();
        subscribedThenPush(run, 5, 6);

        server.stall();
        long stalled = System.nanoTime();
        awaitErr(run, "nothing received for", Duration.ofSeconds(20));
        Duration detected = Duration.ofNanos(System.nanoTime() - stalled);
        subscribedThenPush(run, 7, 8);
        CliRun done = run.join(WAIT);

        assertThat(detected).as("the silent connection is given up on").isLessThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(done.exitCode()).as("stderr: %s", done.err()).isZero();
        assertThat(tradeIds(done.out())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(done.out()).contains("{\"type\":\"text\",\"text\":\"welcome to jvQuant\"}");
        assertThat(done.err().lines().filter(l -> l.contains("notice:")))
                .singleElement().asString().contains("lv2 trade with 5 fields where 4 are documented");
        assertThat(done.err()).contains("HTTP 500", "no server free", "connecting to 127.0.0.1:" + server.port()
                + "/", "(retry 3)", "close code 1001", "jvq: summary: 8 events");
        assertThat(done.out() + done.err()).doesNotContain(TOKEN);
    }

    /** Waits for the client's all= on a new connection, then pushes trades {@code first..last}, and waits for them. */
    private void subscribedThenPush(BackgroundRun run, long first, long last) throws InterruptedException {
        assertThat(server.takeCommand(WAIT).text()).isEqualTo("all=lv2_600519");
        StringBuilder lines = new StringBuilder();
        for (long id = first; id <= last; id++) {
            // the third connection's trades carry a field the vendor's page does not document
            String extra = first == 5 ? ",B" : "";
            lines.append("lv2_600519=09:30:00.").append(100 + id).append(',').append(id).append(",1700.50,100")
                    .append(extra).append('\n');
        }
        server.pushQuotes(lines.toString());
        if (last < 8) {
            run.awaitOut(out -> out.contains("\"tradeId\":" + last + ","), WAIT);
        }
    }

    private static void awaitErr(BackgroundRun run, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!run.err().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stderr never showed '" + text + "': " + run.err());
            }
            Thread.sleep(20);
        }
    }

    private static List<Long> tradeIds(String out) {
        return out.lines().map(TRADE_ID::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
    }
}
