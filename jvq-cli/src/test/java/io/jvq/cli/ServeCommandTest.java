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
