package io.jvq.cli;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.capture.CaptureHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

import static io.jvq.cli.StreamCommandTest.MOUTAI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jvq serve} with a client that is not ours: the JDK's own HTTP client and WebSocket, used
 * the way the vendor's Python and Go examples use theirs (connect to the URL, send {@code all=},
 * inflate binary frames as raw DEFLATE).
 */
class ServeCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "serve-test-token-3b7d";
    private static final Pattern WEBSOCKET = Pattern.compile("websocket: (ws://127\\.0\\.0\\.1:\\d+/\\S+)\\?token=\\*\\*\\*");
    private static final Pattern DISCOVERY = Pattern.compile("discovery: (http://\\S+)token=\\*\\*\\*");

    @TempDir
    Path dir;

    /** Collects what the server sends: text frames as they are, binary frames inflated. */
    private static final class PlainClient implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<String> quotes = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                texts.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.write(bytes, 0, bytes.length);
            if (last) {
                quotes.add(inflateRaw(binary.toByteArray()));
                binary.reset();
            }
            socket.request(1);
            return null;
        }

        String next(BlockingQueue<String> queue) throws InterruptedException {
            String next = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("a frame within %s", WAIT).isNotNull();
            return next;
        }

        private static String inflateRaw(byte[] frame) {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(frame);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
                return out.toString(StandardCharsets.UTF_8);
            } catch (java.util.zip.DataFormatException e) {
                throw new AssertionError("a binary frame that is not raw DEFLATE", e);
            } finally {
                inflater.end();
            }
        }
    }

    private static String find(Pattern pattern, String out) {
        Matcher matcher = pattern.matcher(out);
        assertThat(matcher.find()).as("%s in %s", pattern, out).isTrue();
        return matcher.group(1);
    }

    private static WebSocket connect(String url, PlainClient client) {
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create(url), client).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Test
    void aPlainWebSocketClientSubscribesAndGetsSimulatedQuotesAsRawDeflate() throws Exception {
        BackgroundRun serve = BackgroundRun.start("serve", "--token", TOKEN, "--interval", "100");
        String out = serve.awaitOut(printed -> WEBSOCKET.matcher(printed).find(), WAIT);
        String webSocketUrl = find(WEBSOCKET, out);
        assertThat(out).doesNotContain(TOKEN);

        PlainClient client = new PlainClient();
        WebSocket socket = connect(webSocketUrl + "?token=" + TOKEN, client);
        socket.sendText("all=lv2_600519,lv1_000001", true).join();

        assertThat(client.next(client.texts)).isEqualTo("all ok: lv2_600519,lv1_000001");
        String quotes = client.next(client.quotes);
        assertThat(quotes).contains("lv1_000001=").contains("平安银行");
        assertThat(quotes.lines()).allSatisfy(line -> assertThat(line).matches("(lv1_000001|lv2_600519)=.+"));

        // the same fixed URL takes a second client, as a restarted example would need
        PlainClient second = new PlainClient();
        WebSocket again = connect(webSocketUrl + "?token=" + TOKEN, second);
        again.sendText("list", true).join();
        assertThat(second.next(second.texts)).isEqualTo("list:");

        socket.abort();
        again.abort();
        CliRun done = serve.stop(WAIT);
        assertThat(done.exitCode()).isZero();
        assertThat(done.err()).contains("jvq: client #1 sent all=lv2_600519,lv1_000001", "jvq: client #2 sent list");
        assertThat(done.out() + done.err()).doesNotContain(TOKEN);
    }

    @Test
    void discoveryAnswersWithTheWebSocketAddress() throws Exception {
        BackgroundRun serve = BackgroundRun.start("serve", "--token", TOKEN);
        String out = serve.awaitOut(printed -> WEBSOCKET.matcher(printed).find(), WAIT);
        String discovery = find(DISCOVERY, out);
        assertThat(discovery).endsWith("/server?market=ab&type=websocket&");

        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(discovery + "token=" + TOKEN)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());

        String server = find(WEBSOCKET, out).substring("ws://".length());
        assertThat(reply.body()).isEqualTo("{\"code\":\"0\",\"server\":\"" + server + "\"}");
        assertThat(serve.stop(WAIT).exitCode()).isZero();
    }

    @Test
    void replaysAFixtureOnceTheFirstClientHasSubscribed() throws Exception {
        Path fixture = dir.resolve("fixture.jsonl");
        new Capture(CaptureHeader.minimal(), List.of(
                new CaptureEntry.Command(0, "all=lv1_600519"),
                new CaptureEntry.Quotes(10, MOUTAI),
                new CaptureEntry.Text(20, "from the fixture"))).write(fixture);
        BackgroundRun serve = BackgroundRun.start("serve", "--token", TOKEN, "--fixture", fixture.toString(),
                "--speed", "0");
        String webSocketUrl = find(WEBSOCKET, serve.awaitOut(printed -> WEBSOCKET.matcher(printed).find(), WAIT));

        PlainClient client = new PlainClient();
        WebSocket socket = connect(webSocketUrl + "?token=" + TOKEN, client);
        socket.sendText("all=lv1_600519", true).join();

        assertThat(client.next(client.texts)).isEqualTo("all ok: lv1_600519");
        assertThat(client.next(client.quotes)).isEqualTo(MOUTAI);
        assertThat(client.next(client.texts)).isEqualTo("from the fixture");
        socket.abort();
        CliRun done = serve.stop(WAIT);
        assertThat(done.err()).contains("jvq: replaying " + fixture, "jvq: replay finished");
    }

    @Test
    void atARateTheFixturesFramesAreSentPacedByTradesAndLoopUntilTheServerStops() throws Exception {
        String threeTrades = "lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.120,2,1700.49,300\n"
                + "lv2_000001=09:30:00.200,3,11.50,500";
        String twoTrades = "lv2_600519=09:30:01.000,4,1700.48,200|09:30:01.000,5,1700.47,100";
        Path fixture = dir.resolve("fixture.jsonl");
        new Capture(CaptureHeader.minimal(), List.of(
                new CaptureEntry.Command(0, "all=lv2_600519,lv2_000001"),
                new CaptureEntry.Quotes(10, threeTrades),
                new CaptureEntry.Quotes(60_000, twoTrades))).write(fixture);
        BackgroundRun serve = BackgroundRun.start("serve", "--token", TOKEN, "--fixture", fixture.toString(),
                "--rate", "20", "--loop");
        String webSocketUrl = find(WEBSOCKET, serve.awaitOut(printed -> WEBSOCKET.matcher(printed).find(), WAIT));

        PlainClient client = new PlainClient();
        WebSocket socket = connect(webSocketUrl + "?token=" + TOKEN, client);
        socket.sendText("all=lv2_600519,lv2_000001", true).join();

        assertThat(client.next(client.texts)).isEqualTo("all ok: lv2_600519,lv2_000001");
        for (int loop = 0; loop < 3; loop++) {
            // a minute apart when recorded: at 20 trades/s the second frame follows 150 ms after the first
            assertThat(client.next(client.quotes)).isEqualTo(threeTrades);
            assertThat(client.next(client.quotes)).isEqualTo(twoTrades);
        }
        socket.abort();
        CliRun done = serve.stop(WAIT);

        assertThat(done.err()).contains("jvq: replaying " + fixture + " (3 entries) at 20 trades/s, looping");
        Matcher sent = Pattern.compile("stopping the replay: (\\d+) entries, (\\d+) trades in ([\\d.]+) s")
                .matcher(done.err());
        assertThat(sent.find()).as("the replay's report in %s", done.err()).isTrue();
        long trades = Long.parseLong(sent.group(2));
        double seconds = Double.parseDouble(sent.group(3));
        assertThat(trades).isGreaterThanOrEqualTo(15);
        // never ahead of the rate: at most the trades due by then, plus the frame due at that moment
        assertThat((double) trades).isLessThanOrEqualTo(20 * seconds + 3);
    }

    @Test
    void aRateNeedsAFixtureAndExcludesASpeed() {
        assertThat(CliRun.run("serve", "--rate", "1000").err()).contains("--rate only applies to --fixture");
        assertThat(CliRun.run("serve", "--fixture", "x.jsonl", "--rate", "1000", "--speed", "2").err())
                .contains("--rate and --speed cannot be combined");
        assertThat(CliRun.run("serve", "--fixture", "x.jsonl", "--rate", "0").err()).contains("invalid --rate 0");
        assertThat(CliRun.run("serve", "--fixture", "x.jsonl", "--loop").err()).contains("--loop needs --rate");
    }

    @Test
    void aFixtureDoesNotMixWithSimulatorOptions() {
        CliRun run = CliRun.run("serve", "--fixture", "x.jsonl", "--seed", "7");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("jvq serve: --fixture replays a capture: it cannot be combined with --seed");
    }

    @Test
    void badSimulatorOptionsAreNamed() {
        assertThat(CliRun.run("serve", "--start-time", "25:00").err()).contains("invalid --start-time '25:00'");
        assertThat(CliRun.run("serve", "--interval", "0").err()).contains("invalid --interval 0");
        assertThat(CliRun.run("serve", "--port", "70000").err()).contains("invalid --port 70000");
        assertThat(CliRun.run("serve", "--speed", "2").err()).contains("--speed only applies to --fixture");
    }
}
