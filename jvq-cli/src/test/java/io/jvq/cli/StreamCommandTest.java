package io.jvq.cli;

import io.jvq.testkit.DiscoveryFault;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jvq stream} against the testkit's fake jvQuant, through picocli, over real sockets. */
class StreamCommandTest {
    static final String TOKEN = "stream-test-token-5e1f";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String MOUTAI = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "200,1700.51,400,1700.52,600,1700.53,800,1700.54,1000,1700.55";
    static final String TRADES = "lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.130,1234568,1700.49,300";

    private final FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String discoveryUrl() {
        return server.discoveryUrl().toString();
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"vertx", "tyrus", "jdk"})
    void printsQuotesAsJsonLinesAndStopsAtTheLimit(String transport) throws Exception {
        BackgroundRun run = BackgroundRun.start("stream", "--token", TOKEN, "--discovery-url", discoveryUrl(),
                "--transport", transport, "--format", "json", "--limit", "3", "--duration", "60",
                "lv1_600519", "lv2_600519");

        assertThat(server.takeCommand(WAIT).text()).isEqualTo("all=lv1_600519,lv2_600519");
        server.pushQuotes(MOUTAI + "\n" + TRADES + "\n");
        CliRun done = run.join(WAIT);

        assertThat(done.exitCode()).as("stderr: %s", done.err()).isZero();
        assertThat(done.out().lines()).hasSize(4).satisfiesExactly(
                text -> assertThat(text).isEqualTo("{\"type\":\"text\",\"text\":\"all ok: lv1_600519,lv2_600519\"}"),
                lv1 -> assertThat(lv1).startsWith("{\"type\":\"lv1\",\"code\":\"600519\",\"time\":\"14:59:59\","
                        + "\"name\":\"贵州茅台\",\"price\":1700.50,\"changePct\":1.23,"),
                lv2 -> assertThat(lv2).isEqualTo("{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.120\","
                        + "\"tradeId\":1234567,\"price\":1700.50,\"qty\":100}"),
                lv2 -> assertThat(lv2).isEqualTo("{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.130\","
                        + "\"tradeId\":1234568,\"price\":1700.49,\"qty\":300}"));
        assertThat(done.err()).contains("jvq: connected to 127.0.0.1:" + server.port())
                .contains("jvq: summary: 3 events (1 lv1, 2 lv2, 0 lv10)");
        assertThat(done.out() + done.err()).doesNotContain(TOKEN);
    }

    @Test
    void textFormatIsOneLinePerEventWithoutColourWhenNotATerminal() throws Exception {
        BackgroundRun run = BackgroundRun.start(java.util.Map.of(JvqCli.TOKEN_VARIABLE, TOKEN), "stream",
                "--discovery-url", discoveryUrl(), "--limit", "1", "--duration", "60", "lv1_600519");

        server.takeCommand(WAIT);
        server.pushQuotes(MOUTAI);
        CliRun done = run.join(WAIT);

        assertThat(done.exitCode()).isZero();
        assertThat(done.out()).isEqualTo("server: all ok: lv1_600519\n"
                + "14:59:59 600519 贵州茅台 1700.50 +1.23% vol 12345678 amt 20987654321.50 bid 100@1700.49 ask 200@1700.51\n");
    }

    @Test
    void reconnectsLikeTheLibraryWhenTheConnectionIsCut() throws Exception {
        BackgroundRun run = BackgroundRun.start("stream", "--token", TOKEN, "--discovery-url", discoveryUrl(),
                "--format", "json", "--limit", "2", "--duration", "60", "lv2_600519");
        server.takeCommand(WAIT);
        server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100");
        run.awaitOut(out -> out.contains("\"tradeId\":1,"), WAIT);

        server.cutAll();

        assertThat(server.takeCommand(WAIT).text()).as("resubscribed after reconnecting").isEqualTo("all=lv2_600519");
        server.pushQuotes("lv2_600519=09:30:01.000,2,1700.60,200");
        CliRun done = run.join(WAIT);
        assertThat(done.exitCode()).isZero();
        assertThat(done.out()).contains("\"tradeId\":2,");
        assertThat(done.err()).contains("jvq: disconnected", "jvq: reconnecting in", "1 reconnect,");
        assertThat(server.discoveryCount()).as("a fresh discovery before the second connection").isEqualTo(2);
    }

    @Test
    void wrongTokenExitsWithOneShowingTheServersCodeAndMessageAndNoToken() throws Exception {
        String wrong = "wrong-token-77aa";
        CliRun run = CliRun.run("stream", "--token", wrong, "--discovery-url", discoveryUrl(), "--duration", "60",
                "lv1_600519");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).containsPattern("jvq stream: discovery refused: code \\d+, invalid token, at "
                + Pattern.quote(discoveryUrl() + "?market=ab&type=websocket&token=***") + "\n");
        assertThat(run.err().lines().filter(l -> l.startsWith("jvq stream:"))).hasSize(1);
        assertThat(run.err()).doesNotContain(wrong);
        assertThat(server.acceptedConnectionCount()).isZero();
    }

    @Test
    void givesUpAfterTheGivenTimeWithoutAConnection() throws Exception {
        server.failNextDiscoveries(1000, DiscoveryFault.busy());
        long started = System.nanoTime();
        CliRun run = CliRun.run("stream", "--token", TOKEN, "--discovery-url", discoveryUrl(),
                "--give-up-after", "1500ms", "lv1_600519");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(1);
        assertThat(run.err()).contains("no server free", "jvq stream: no connection for 1.5 s (--give-up-after): giving up");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(server.discoveryCount()).isGreaterThan(1);
    }

    @Test
    void stopsAfterTheDurationWithoutQuotes() throws Exception {
        CliRun run = CliRun.run("stream", "--token", TOKEN, "--discovery-url", discoveryUrl(), "--duration", "1.5",
                "lv1_600519");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("server: all ok: lv1_600519\n");
        assertThat(run.err()).contains("jvq: summary: 0 events");
    }
}
