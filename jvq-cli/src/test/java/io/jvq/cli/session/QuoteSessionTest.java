package io.jvq.cli.session;

import io.jvq.cli.output.JsonEventWriter;
import io.jvq.cli.output.StatusLog;
import io.jvq.cli.output.WriterOutputStream;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.port.DiscoveryReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteSessionTest {
    private static final String TOKEN = "session-secret";
    private static final String MOUTAI = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "200,1700.51,400,1700.52,600,1700.53,800,1700.54,1000,1700.55";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedPorts ports = new ScriptedPorts();
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "session-under-test"));
    private final AtomicReference<QuoteSession.Outcome> reported = new AtomicReference<>();

    @AfterEach
    void stopRunner() {
        runner.shutdownNow();
    }

    private QuoteSession session(Duration duration, long limit, Writer out) throws IOException {
        PrintWriter printOut = new PrintWriter(out, true);
        ClientOptions options = ClientOptions.builder(TOKEN).discoveryUrl("http://127.0.0.1:9/server").build();
        return new QuoteSession(options, SubscriptionCode.parseAll("lv1_600519", "lv2_600519"), duration, limit,
                new EventPrinter(new JsonEventWriter(new WriterOutputStream(printOut)), printOut),
                new StatusLog(new PrintWriter(stderr, true), options.token()::redact));
    }

    private Future<QuoteSession.Outcome> start(QuoteSession session, FrameTap tap) {
        return runner.submit(() -> session.run(ports.socket, ports.discovery, tap, reported::set));
    }

    @Test
    void printsEveryQuoteInOrderAndStopsExactlyAtTheLimit() throws Exception {
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 3, stdout), null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        assertThat(server.takeSent(WAIT)).isEqualTo("all=lv1_600519,lv2_600519");

        server.pushQuotes(MOUTAI + "\nlv2_600519=09:30:00.120,1,1700.50,100|09:30:00.130,2,1700.51,200"
                + "|09:30:00.140,3,1700.52,300\n");

        QuoteSession.Outcome done = outcome.get(10, TimeUnit.SECONDS);
        assertThat(done.end()).isEqualTo(QuoteSession.End.LIMIT);
        assertThat(stdout.toString().lines()).hasSize(3).satisfiesExactly(
                l -> assertThat(l).startsWith("{\"type\":\"lv1\",\"code\":\"600519\""),
                l -> assertThat(l).contains("\"tradeId\":1,"),
                l -> assertThat(l).contains("\"tradeId\":2,"));
        assertThat(done.stats().events()).isEqualTo(3);
        assertThat(reported.get()).isSameAs(done);
    }

    /** What a sink on the flyweight path was handed, read from the views inside each call. */
    private static final class SinkTape implements QuoteSink {
        final List<String> entries = new CopyOnWriteArrayList<>();

        @Override
        public void onLevel1(Level1View quote) {
            entries.add("lv1 " + quote.code().symbol());
        }

        @Override
        public void onTrade(TradeView trade) {
            entries.add("trade " + trade.tradeId());
        }

        @Override
        public void onLevel10(Level10View book) {
            entries.add("lv10 " + book.code().symbol());
        }

        @Override
        public void onError(DecodeError error) {
            entries.add("error reached the sink");
        }

        @Override
        public void onFrameEnd() {
            entries.add("frame end");
        }

        @Override
        public void onConnected(long connectionNumber, String server) {
            entries.add("connection " + connectionNumber);
        }
    }

    @Test
    void aSinkGetsTheQuotesAsViewsUpToTheLimitAndStdoutGetsTheRest() throws Exception {
        SinkTape sink = new SinkTape();
        QuoteSession session = session(WAIT, 3, stdout).quotesTo(sink);
        Future<QuoteSession.Outcome> outcome = start(session, null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);

        server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100\nlv2_600519=garbage\n");
        server.pushQuotes(MOUTAI + "\nlv2_600519=09:30:00.130,2,1700.51,200|09:30:00.140,3,1700.52,300\n");

        QuoteSession.Outcome done = outcome.get(10, TimeUnit.SECONDS);
        assertThat(done.end()).isEqualTo(QuoteSession.End.LIMIT);
        // the limit's frame may end after the session has closed the client: its end is not promised
        assertThat(sink.entries).startsWith("connection 1", "trade 1", "frame end", "lv1 600519", "trade 2")
                .hasSizeBetween(5, 6).doesNotContain("trade 3");
        assertThat(stdout.toString().lines()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("{\"type\":\"error\",").contains("garbage"));
        assertThat(done.stats().level1()).isEqualTo(1);
        assertThat(done.stats().trades()).isEqualTo(2);
        assertThat(done.stats().decodeErrors()).isEqualTo(1);
    }

    @Test
    void aSinkGetsNothingOnceTheSessionHasEnded() throws Exception {
        SinkTape sink = new SinkTape();
        QuoteSession session = session(WAIT, 0, stdout).quotesTo(sink);
        Future<QuoteSession.Outcome> outcome = start(session, null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);
        server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100\n");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!sink.entries.contains("frame end") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        session.interrupt();
        QuoteSession.Outcome done = outcome.get(10, TimeUnit.SECONDS);
        server.pushQuotes("lv2_600519=09:30:00.130,2,1700.51,200\n");

        assertThat(sink.entries).containsExactly("connection 1", "trade 1", "frame end");
        assertThat(done.stats().trades()).isEqualTo(1);
    }

    /** Keeps each chunk written to it: what reached stdout in one write. */
    private static final class Writes extends java.io.Writer {
        final java.util.List<String> chunks = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void write(char[] text, int offset, int length) {
            chunks.add(new String(text, offset, length));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachFramesLinesReachStdoutInOneWriteAsTheFrameEnds() throws Exception {
        Writes writes = new Writes();
        QuoteSession session = session(WAIT, 0, writes);
        Future<QuoteSession.Outcome> outcome = start(session, null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);

        server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.130,2,1700.51,200\nlv2_600519=garbage\n");
        server.pushQuotes("lv2_600519=09:30:00.140,3,1700.52,300\n");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (writes.chunks.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        // while the session runs: not a write per line, and nothing held back past its frame
        assertThat(writes.chunks).hasSize(2);
        assertThat(writes.chunks.get(0).lines()).hasSize(3).satisfiesExactly(
                l -> assertThat(l).contains("\"tradeId\":1,"),
                l -> assertThat(l).contains("\"tradeId\":2,"),
                l -> assertThat(l).startsWith("{\"type\":\"error\","));
        assertThat(writes.chunks.get(1).lines()).singleElement().satisfies(l -> assertThat(l).contains("\"tradeId\":3,"));
        session.interrupt();
        outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void badLinesAreReportedInPlaceAndDecodingGoesOn() throws Exception {
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 2, stdout), null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);

        server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100\nlv2_600519=garbage\n"
                + "lv2_600519=09:30:00.130,2,1700.51,200\n");

        outcome.get(10, TimeUnit.SECONDS);
        assertThat(stdout.toString().lines()).hasSize(3).satisfiesExactly(
                l -> assertThat(l).contains("\"tradeId\":1,"),
                l -> assertThat(l).startsWith("{\"type\":\"error\",").contains("\"code\":\"600519\"")
                        .contains("\"line\":\"lv2_600519=garbage\""),
                l -> assertThat(l).contains("\"tradeId\":2,"));
    }

    @Test
    void aFrameThatDoesNotInflateIsAnErrorAndTheNextFrameStillDecodes() throws Exception {
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 1, stdout), null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);

        server.pushBytes(new byte[] {(byte) 0xff, 0x00, 0x13, 0x37});
        server.pushQuotes(MOUTAI);

        outcome.get(10, TimeUnit.SECONDS);
        assertThat(stdout.toString().lines()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).startsWith("{\"type\":\"error\",\"reason\":"),
                l -> assertThat(l).startsWith("{\"type\":\"lv1\","));
    }

    @Test
    void connectionStateGoesToStderrAndTheTokenNowhere() throws Exception {
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 1, stdout), null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);
        awaitStderr("jvq: connected to 127.0.0.1:9/quote");
        server.pushText("all ok: lv1_600519,lv2_600519 for token=" + TOKEN);
        server.pushQuotes(MOUTAI);
        outcome.get(10, TimeUnit.SECONDS);

        assertThat(stderr.toString()).contains("jvq: discovering a server", "jvq: connecting to 127.0.0.1:9/quote",
                "jvq: connected to 127.0.0.1:9/quote");
        assertThat(stdout.toString()).doesNotContain("connect")
                .contains("{\"type\":\"text\",\"text\":\"all ok: lv1_600519,lv2_600519 for token=");
        assertThat(ports.discoveryUris).first().asString().contains("token=" + TOKEN);
        assertThat(stderr.toString()).doesNotContain(TOKEN);
    }

    /** The client reports Connected from its own thread, a moment after it subscribed. */
    private void awaitStderr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!stderr.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stderr never showed '" + text + "': " + stderr);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aRefusalBeforeAnyConnectionEndsTheSessionWithTheServersCodeAndMessage() throws Exception {
        ports.replies.add(new DiscoveryReply("1", null, "{\"code\":\"1\",\"message\":\"invalid token\"}"));

        QuoteSession.Outcome done = start(session(WAIT, 0, stdout), null).get(10, TimeUnit.SECONDS);

        assertThat(done.end()).isEqualTo(QuoteSession.End.REFUSED);
        assertThat(done.refusal().code()).isEqualTo("1");
        assertThat(done.refusal().message()).isEqualTo("invalid token");
        assertThat(done.refusal().redactedUrl())
                .isEqualTo("http://127.0.0.1:9/server?market=ab&type=websocket&token=***");
        assertThat(ports.connections).isEmpty();
        assertThat(stdout.toString()).isEmpty();
    }

    @Test
    void aCloseThatRefusesTheTokenEndsTheSessionWithTheCloseCodeAndReason() throws Exception {
        ports.replies.add(new DiscoveryReply("1", null, "{\"code\":\"1\",\"message\":\"no server free\"}"));
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 0, stdout), null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);

        server.serverCloses(4001, "token expired");

        QuoteSession.Outcome done = outcome.get(10, TimeUnit.SECONDS);
        assertThat(done.end()).isEqualTo(QuoteSession.End.REFUSED);
        assertThat(done.refusal().code()).isEqualTo("4001");
        assertThat(done.refusal().message()).contains("closed the connection for good", "token expired");
        assertThat(done.refusal().redactedUrl()).as("not the earlier passing discovery refusal").isNull();
    }

    @Test
    void aRefusalAfterAConnectionWorkedIsRiddenOutByReconnecting() throws Exception {
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 1, stdout), null);
        ScriptedPorts.Connection first = ports.awaitConnection();
        first.takeSent(WAIT);
        ports.replies.add(new DiscoveryReply("1", null, "{\"code\":\"1\",\"message\":\"busy\"}"));
        first.serverCloses(1001, "going away");

        ScriptedPorts.Connection second = ports.awaitConnection();
        assertThat(second.takeSent(WAIT)).isEqualTo("all=lv1_600519,lv2_600519");
        second.pushQuotes(MOUTAI);

        QuoteSession.Outcome done = outcome.get(10, TimeUnit.SECONDS);
        assertThat(done.end()).isEqualTo(QuoteSession.End.LIMIT);
        assertThat(done.stats().reconnects()).isEqualTo(2);
        assertThat(stderr.toString()).contains("jvq: disconnected: discovery refused: code=1", "busy");
    }

    @Test
    void stopsAfterTheDuration() throws Exception {
        QuoteSession.Outcome done = start(session(Duration.ofMillis(300), 0, stdout), null).get(10, TimeUnit.SECONDS);
        assertThat(done.end()).isEqualTo(QuoteSession.End.DURATION);
        assertThat(done.stats().elapsedMillis()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void stopsWhenStdoutGoesAway() throws Exception {
        Writer closedPipe = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 0, closedPipe), null);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);
        server.pushQuotes(MOUTAI);
        assertThat(outcome.get(10, TimeUnit.SECONDS).end()).isEqualTo(QuoteSession.End.OUTPUT_CLOSED);
    }

    @Test
    void theTapSeesEveryFrameAndEveryCommandAndTheStatsCountBytes() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        FrameTap tap = new FrameTap() {
            @Override
            public void opened() {
                seen.add("opened");
            }

            @Override
            public void receivedText(String text) {
                seen.add("text " + text);
            }

            @Override
            public void receivedBinary(ByteBuffer frame) {
                seen.add("binary " + frame.remaining());
            }

            @Override
            public void sent(String text) {
                seen.add("sent " + text);
            }
        };
        Future<QuoteSession.Outcome> outcome = start(session(WAIT, 1, stdout), tap);
        ScriptedPorts.Connection server = ports.awaitConnection();
        server.takeSent(WAIT);
        server.pushText("all ok");
        byte[] frame = ScriptedPorts.deflate(MOUTAI);
        server.pushBytes(frame);

        QuoteSession.Outcome done = outcome.get(10, TimeUnit.SECONDS);
        assertThat(seen).startsWith("opened", "sent all=lv1_600519,lv2_600519", "text all ok",
                "binary " + frame.length);
        assertThat(done.stats().bytes()).isEqualTo("all ok".length() + frame.length);
    }
}
