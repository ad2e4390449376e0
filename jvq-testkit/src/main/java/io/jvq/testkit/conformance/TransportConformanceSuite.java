package io.jvq.testkit.conformance;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.client.ReconnectPolicy;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.event.ServerText;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.testkit.ClientCommand;
import io.jvq.testkit.DiscoveryFault;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.testkit.RawDeflate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The behaviour every transport (a {@link SocketPort} and a {@link DiscoveryPort}) must show when it
 * drives the real {@link JvqClient} against a {@link FakeJvQuant}: discovery, connecting with the
 * token, commands and replies, quotes decoded exactly, reconnection after a close, a cut and a stall,
 * no reconnect storm on a wrong token, bad frames survived, each frame's end after its records, and a
 * clean {@code close()}.
 *
 * <pre>{@code
 * class MyTransportConformanceTest extends TransportConformanceSuite {
 *     protected SocketPort createSocketPort() { return new MySocketPort(); }
 *     protected DiscoveryPort createDiscoveryPort() { return new MyDiscoveryPort(); }
 * }
 * }</pre>
 *
 * Each test starts its own fake server and creates fresh ports through the factory methods; the
 * client closes them. Timers are short (pings every 200 ms, idle timeout 2 s, reconnect after 50 ms
 * doubling to 400 ms) and waits are generous ({@link #patience()}) so that slow CI machines pass.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class TransportConformanceSuite {
    private static final SubscriptionCode MOUTAI_LV1 = SubscriptionCode.lv1("600519");
    private static final SubscriptionCode PINGAN_LV1 = SubscriptionCode.lv1("000001");
    private static final SubscriptionCode MOUTAI_LV2 = SubscriptionCode.lv2("600519");
    private static final SubscriptionCode BOND_LV2 = SubscriptionCode.lv2("127063");
    private static final SubscriptionCode MOUTAI_LV10 = SubscriptionCode.lv10("600519");

    static final String MOUTAI_LINE = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "100,1700.50,200,1700.51,300,1700.52,400,1700.53,500,1700.54";
    static final String PINGAN_LINE = "lv1_000001=14:59:59,平安银行,11.50,-0.52,98765432,1135802468.00,"
            + "1200,11.49,3400,11.48,0,0,0,0,0,0,"
            + "5600,11.50,7800,11.51,9000,11.52,100,11.53,200,11.54";

    /** The server of the running test. */
    protected FakeJvQuant server;
    private final List<JvqClient> clients = new CopyOnWriteArrayList<>();

    /** A new, unopened socket adapter; the client that receives it closes it. */
    protected abstract SocketPort createSocketPort();

    /** A new discovery adapter; the client that receives it closes it. */
    protected abstract DiscoveryPort createDiscoveryPort();

    /** How long the suite waits for anything that should happen; generous for slow machines. */
    protected Duration patience() {
        return Duration.ofSeconds(15);
    }

    /**
     * The options every client of the suite starts from: aimed at {@code server}, with short liveness
     * timers and reconnect delays. Override to adjust, keeping them short.
     */
    protected ClientOptions.Builder options(FakeJvQuant server) {
        return server.clientOptions()
                .reconnect(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.0))
                .pingInterval(Duration.ofMillis(200))
                .idleTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(5))
                .discoveryTimeout(Duration.ofSeconds(5));
    }

    /**
     * Threads a client may leave alive after {@code close()} because nobody owns them: the JVM's
     * common fork-join pool, and the fake server's own threads. Override to add a framework's
     * JVM-wide threads, sparingly.
     */
    protected boolean isSharedThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("ForkJoinPool.commonPool-") || name.startsWith("jvq-fake-");
    }

    @BeforeEach
    void startServer() {
        server = FakeJvQuant.builder().token("conformance-" + Long.toHexString(System.nanoTime())).start();
    }

    @AfterEach
    void closeEverything() {
        for (JvqClient client : clients) {
            client.close();
        }
        clients.clear();
        if (server != null) {
            server.close();
        }
    }

    /** A client (not started) on fresh ports; closed after the test. */
    protected JvqClient newClient(ClientOptions options, RecordingListener listener) {
        JvqClient client = JvqClient.builder().options(options).socket(createSocketPort())
                .discovery(createDiscoveryPort()).listener(listener).build();
        clients.add(client);
        return client;
    }

    /** Starts a client subscribed to {@code codes} and waits until the server has its {@code all=}. */
    private JvqClient connectedClient(RecordingListener listener, SubscriptionCode... codes) {
        JvqClient client = newClient(options(server).build(), listener);
        client.subscribe(codes);
        client.start();
        assertEquals(allCommand(codes), server.takeCommand(patience()).text(), "the subscription sent on connect");
        listener.nextConnectionEvent(ConnectionEvent.Connected.class, patience());
        return client;
    }

    private static String allCommand(SubscriptionCode... codes) {
        return "all=" + List.of(codes).stream().map(SubscriptionCode::wire).collect(Collectors.joining(","));
    }

    // ------------------------------------------------------------------ discovery and connecting

    @Test
    void discoversWithMarketTypeAndTokenThenConnectsWithTheToken() {
        // A market other than the default proves the configured one reaches the server.
        server.close();
        server = FakeJvQuant.builder().token("conformance-market").market("sz").start();
        RecordingListener events = new RecordingListener();

        connectedClient(events, MOUTAI_LV1);

        assertTrue(server.discoveryCount() >= 1, "discovery came first");
        assertTrue(server.acceptedConnectionCount() >= 1, "the upgrade carried the token");
        assertEquals(0, server.refusedUpgradeCount(), "no upgrade was refused (a wrong or missing token would be)");
    }

    @Test
    void aSubscriptionLargerThanTheServersCommandLimitGoesOutInChunks() {
        server.close();
        server = FakeJvQuant.builder().token("conformance-chunks").maxCommandBytes(4096).start();
        List<SubscriptionCode> codes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(SubscriptionCode.lv2(String.format("%06d", 600000 + i)));
        }
        RecordingListener events = new RecordingListener();
        JvqClient client = newClient(options(server).maxCommandBytes(4096).build(), events);
        client.subscribe(codes);
        client.start();
        events.nextConnectionEvent(ConnectionEvent.Connected.class, patience());

        List<ClientCommand> sent = new ArrayList<>();
        int received = 0;
        while (received < codes.size()) {
            ClientCommand command = server.takeCommand(patience());
            sent.add(command);
            received += command.text().substring(4).split(",").length;
        }
        assertTrue(sent.get(0).text().startsWith("all="), "the first chunk replaces: " + sent.get(0));
        assertTrue(sent.size() >= 3, "about 11 KB in 4 KB chunks: " + sent.size());
        for (ClientCommand command : sent.subList(1, sent.size())) {
            assertTrue(command.text().startsWith("add="), "later chunks add: " + command);
        }
        for (ClientCommand command : sent) {
            assertTrue(command.text().getBytes(StandardCharsets.UTF_8).length <= 4096, "within the limit");
        }
        assertEquals(codes, server.subscriptionOf(sent.get(0).connectionId()), "the server has the whole set, in order");
        assertEquals(1, server.acceptedConnectionCount(), "no connection was lost to an oversized frame");
    }

    @Test
    void usesADiscoveryUrlThatAlreadyCarriesAQuery() {
        RecordingListener events = new RecordingListener();
        JvqClient client = newClient(options(server).discoveryUrl(server.discoveryUrl() + "?src=conformance").build(),
                events);

        client.start();

        assertEquals("all=", server.takeCommand(patience()).text());
    }

    @Test
    void retriesDiscoveryAfterHttp500GarbageAndATimeout() {
        server.failNextDiscoveries(1, DiscoveryFault.httpStatus(500));
        server.failNextDiscoveries(1, DiscoveryFault.garbageJson());
        server.failNextDiscoveries(1, DiscoveryFault.slowReply(options(server).build().discoveryTimeout().plusSeconds(3)));
        RecordingListener events = new RecordingListener();

        connectedClient(events, MOUTAI_LV1);

        assertTrue(server.discoveryCount() >= 4, "three failed discoveries, then a good one: " + server.discoveryCount());
        List<ConnectionEvent.Disconnected> failures = events.events().stream()
                .filter(ConnectionEvent.Disconnected.class::isInstance).map(ConnectionEvent.Disconnected.class::cast)
                .toList();
        assertTrue(failures.size() >= 3, "one report per failed discovery: " + failures);
        assertTrue(failures.get(0).reason().contains("500"), "the HTTP status is reported: " + failures.get(0));
        assertNoToken(events);
    }

    @Test
    void aWrongTokenIsReportedOnceAndTheClientStopsTrying() throws InterruptedException {
        RecordingListener events = new RecordingListener();
        JvqClient wrong = newClient(wrongToken().build(), events);

        wrong.start();
        ConnectionEvent.Refused refused = events.nextConnectionEvent(ConnectionEvent.Refused.class, patience());
        TimeUnit.MILLISECONDS.sleep(500); // the suite's backoff starts at 50 ms: a retry would show by now

        assertTrue(refused.reason().contains("invalid token"), "the server's refusal is passed on: " + refused);
        assertFalse(refused.reason().contains("not-the-token"), "the token is redacted: " + refused);
        assertEquals(1, server.discoveryCount(), "a refused token is not retried");
        assertTrue(events.drainConnectionEvents().stream().noneMatch(ConnectionEvent.Refused.class::isInstance),
                "said once");
        assertFalse(wrong.isConnected());
    }

    /** The suite's options with a token the fake refuses. */
    private ClientOptions.Builder wrongToken() {
        ClientOptions suite = options(server).build();
        return ClientOptions.builder("not-the-token").market(suite.market())
                .discoveryUrl(suite.discoveryUrl()).reconnect(suite.reconnect())
                .discoveryTimeout(suite.discoveryTimeout()).connectTimeout(suite.connectTimeout())
                .pingInterval(suite.pingInterval()).idleTimeout(suite.idleTimeout());
    }

    @Test
    void aWrongTokenConfiguredToBeRetriedIsRetriedWithBackoffNotInAStorm() throws InterruptedException {
        RecordingListener events = new RecordingListener();
        ClientOptions suite = options(server).build();
        JvqClient wrong = newClient(wrongToken().retryFatalRefusals(true).build(), events);

        wrong.start();
        ConnectionEvent.Disconnected refused = events.nextConnectionEvent(ConnectionEvent.Disconnected.class, patience());
        // Count the retries over a window that starts at the first refusal, so a slow first call does not matter.
        int before = server.discoveryCount();
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(3);
        int retries = server.discoveryCount() - before;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(refused.reason().contains("invalid token"), "the server's refusal is passed on: " + refused);
        assertFalse(refused.reason().contains("not-the-token"), "the token is redacted: " + refused);
        assertTrue(retries >= 1, "it keeps trying: " + retries + " retries in " + elapsed);
        int bound = retriesWithin(suite.reconnect(), elapsed);
        assertTrue(retries <= bound, retries + " retries in " + elapsed + ", the backoff allows " + bound);
        assertEquals(0, server.acceptedConnectionCount(), "no connection without a server address");
        assertFalse(wrong.isConnected());
    }

    /** The most retries {@code policy} allows within {@code window}: one per elapsed shortest possible delay. */
    private static int retriesWithin(ReconnectPolicy policy, Duration window) {
        long elapsed = 0;
        int retries = 0;
        for (int attempt = 1; ; attempt++) {
            long ceiling = policy.ceilingMillis(attempt);
            elapsed += ceiling - (long) (ceiling * policy.jitter());
            if (elapsed > window.toMillis()) {
                return retries;
            }
            retries++;
        }
    }

    // ------------------------------------------------------------------ commands and replies

    @Test
    void subscribeUnsubscribeReplaceAllAndListReachTheServerAsCommands() {
        RecordingListener events = new RecordingListener();
        JvqClient client = connectedClient(events, MOUTAI_LV1, MOUTAI_LV2);
        assertEquals("all ok: lv1_600519,lv2_600519", events.nextText(patience()).text());

        client.subscribe(MOUTAI_LV10);
        assertEquals("add=lv10_600519", server.takeCommand(patience()).text());
        client.unsubscribe(MOUTAI_LV2);
        assertEquals("del=lv2_600519", server.takeCommand(patience()).text());
        client.replaceAll(List.of(PINGAN_LV1, BOND_LV2));
        ClientCommand replaced = server.takeCommand(patience());
        assertEquals("all=lv1_000001,lv2_127063", replaced.text());
        String listed = client.list().orTimeout(patience().toMillis(), TimeUnit.MILLISECONDS).join();

        assertEquals("list: lv1_000001,lv2_127063", listed);
        assertEquals("list", server.takeCommand(patience()).text());
        assertEquals(List.of(PINGAN_LV1, BOND_LV2), server.subscriptionOf(replaced.connectionId()));
        assertEquals("add ok: lv10_600519", events.nextText(patience()).text());
        assertEquals("del ok: lv2_600519", events.nextText(patience()).text());
        assertEquals("all ok: lv1_000001,lv2_127063", events.nextText(patience()).text());
        assertEquals("list: lv1_000001,lv2_127063", events.nextText(patience()).text());
        assertEquals(Set.of(PINGAN_LV1, BOND_LV2), Set.copyOf(client.subscriptions()));
    }

    @Test
    void passesServerTextOnVerbatim() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV1);
        events.nextText(patience());

        server.pushText("系统维护通知: maintenance at 23:00");

        assertEquals(new ServerText("系统维护通知: maintenance at 23:00"), events.nextText(patience()));
    }

    // ------------------------------------------------------------------ quotes

    @Test
    void deliversLevel1QuotesExactlyAsSent() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV1, PINGAN_LV1);

        server.pushQuotes(MOUTAI_LINE + "\n" + PINGAN_LINE + "\n");

        List<QuoteEvent> quotes = events.nextQuotes(2, patience());
        assertEquals(new Level1Quote(MOUTAI_LV1, TimeOfDay.of(14, 59, 59, 0), "贵州茅台", fp("1700.50"), fp("1.23"),
                12_345_678, fp("20987654321.50"), new long[]{
                        100, fp("1700.49"), 200, fp("1700.48"), 300, fp("1700.47"), 400, fp("1700.46"), 500, fp("1700.45"),
                        100, fp("1700.50"), 200, fp("1700.51"), 300, fp("1700.52"), 400, fp("1700.53"), 500, fp("1700.54")}),
                quotes.get(0));
        assertEquals(new Level1Quote(PINGAN_LV1, TimeOfDay.of(14, 59, 59, 0), "平安银行", fp("11.50"), fp("-0.52"),
                98_765_432, fp("1135802468.00"), new long[]{
                        1200, fp("11.49"), 3400, fp("11.48"), 0, 0, 0, 0, 0, 0,
                        5600, fp("11.50"), 7800, fp("11.51"), 9000, fp("11.52"), 100, fp("11.53"), 200, fp("11.54")}),
                quotes.get(1));
    }

    @Test
    void deliversLevel2TradesExactlyAsSentInEitherFieldOrder() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV2, BOND_LV2);

        server.pushQuotes("lv2_600519=09:30:00.120,1234567,1700.50,100|1234568,09:30:00.120,1700.49,300\n"
                + "lv2_127063=09:30:00.450,88001,118.350,10\n");

        assertEquals(List.of(
                new Level2Trade(MOUTAI_LV2, TimeOfDay.of(9, 30, 0, 120), 1_234_567, fp("1700.50"), 100),
                new Level2Trade(MOUTAI_LV2, TimeOfDay.of(9, 30, 0, 120), 1_234_568, fp("1700.49"), 300),
                new Level2Trade(BOND_LV2, TimeOfDay.of(9, 30, 0, 450), 88_001, fp("118.350"), 10)),
                events.nextQuotes(3, patience()));
    }

    @Test
    void deliversALevel10BookExactlyAsSent() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV10);
        long[] book = new long[40];
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean price = i % 20 < 10;
            int level = i % 10;
            long cents = i < 20 ? 170_049 - level : 170_050 + level;
            long quantity = i < 20 ? 100L * (level + 1) : 50L * (level + 1);
            book[i] = price ? cents * 100 : quantity;
            fields.add(price ? cents / 100 + "." + twoDigits(cents % 100) : Long.toString(quantity));
        }

        server.pushQuotes("lv10_600519=10:15:30,贵州茅台,1700.50,1680.00,20987654321.50,12345678,"
                + String.join(",", fields) + "\n");

        assertEquals(new Level10Book(MOUTAI_LV10, TimeOfDay.of(10, 15, 30, 0), "贵州茅台", fp("1700.50"), fp("1680.00"),
                fp("20987654321.50"), 12_345_678, book), events.nextQuotes(1, patience()).get(0));
    }

    @Test
    void acceptsAFrameFarLargerThanCommonFrameSizeDefaults() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV2);
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder text = new StringBuilder();
        List<Level2Trade> expected = new ArrayList<>();
        long id = 1_000_000;
        for (int line = 0; line < 4_000; line++) {
            text.append("lv2_600519=");
            for (int trade = 0; trade < 10; trade++) {
                id += 1 + random.nextInt(1000);
                int cents = 170_000 + random.nextInt(10_000);
                long quantity = 100L * (1 + random.nextInt(500));
                int millis = TimeOfDay.of(10, 0, 0, 0) + line * 97 + trade;
                text.append(trade == 0 ? "" : "|").append(TimeOfDay.format(millis, true)).append(',').append(id)
                        .append(',').append(cents / 100).append('.').append(twoDigits(cents % 100))
                        .append(',').append(quantity);
                expected.add(new Level2Trade(MOUTAI_LV2, millis, id, cents * 100L, quantity));
            }
            text.append('\n');
        }
        int compressed = RawDeflate.deflate(text.toString()).length;
        assertTrue(compressed > 256 * 1024, "the frame is bigger than common defaults: " + compressed + " bytes");

        server.pushQuotes(text.toString());

        assertEquals(expected, events.nextQuotes(expected.size(), patience()));
    }

    /** Three frames (the second with a line that does not parse), as the tape a frame-aware listener writes. */
    private static final List<String> THREE_FRAMES_TAPE = List.of(
            "trade 1", "trade 2", "frame end",
            "trade 3", "error", "frame end",
            "trade 4", "frame end");

    /** Builds the client on fresh ports, subscribes to Moutai's trades and waits until it is connected. */
    private void connectForFrames(JvqClient.Builder builder, RecordingListener events) {
        JvqClient client = builder.options(options(server).build()).socket(createSocketPort())
                .discovery(createDiscoveryPort()).build();
        clients.add(client);
        client.subscribe(MOUTAI_LV2);
        client.start();
        assertEquals(allCommand(MOUTAI_LV2), server.takeCommand(patience()).text(), "the subscription sent on connect");
        events.nextConnectionEvent(ConnectionEvent.Connected.class, patience());
    }

    private void pushThreeFrames() {
        server.pushQuotes("lv2_600519=09:30:00.120,1,1700.50,100|09:30:00.120,2,1700.49,300\n");
        server.pushQuotes("lv2_600519=09:30:01.000,3,1700.48,200\nlv2_600519=not a trade\n");
        server.pushQuotes("lv2_600519=09:30:02.000,4,1700.47,100\n");
    }

    @Test
    void aListenerHearsTheEndOfEachFrameAfterItsEventsOnTheirThread() {
        FrameTape tape = new FrameTape();
        RecordingListener events = new RecordingListener();
        QuoteListener listener = new QuoteListener() {
            @Override
            public void onEvent(JvqEvent event) {
                events.onEvent(event);
                if (event instanceof Level2Trade trade) {
                    tape.add("trade " + trade.tradeId());
                } else if (event instanceof DecodeError) {
                    tape.add("error");
                }
            }

            @Override
            public void onFrameEnd() {
                tape.add("frame end");
            }
        };
        connectForFrames(JvqClient.builder().listener(listener), events);

        pushThreeFrames();

        assertEquals(THREE_FRAMES_TAPE, tape.await(THREE_FRAMES_TAPE.size(), patience()));
        assertEquals(1, tape.threads().size(), "one reader thread delivers a connection's frames: " + tape.threads());
    }

    @Test
    void aQuoteSinkHearsTheEndOfEachFrameAfterItsRecordsOnTheirThread() {
        FrameTape tape = new FrameTape();
        QuoteSink sink = new QuoteSink() {
            @Override
            public void onTrade(TradeView trade) {
                tape.add("trade " + trade.tradeId());
            }

            @Override
            public void onLevel1(Level1View quote) {
            }

            @Override
            public void onLevel10(Level10View book) {
            }

            @Override
            public void onError(DecodeError error) {
                tape.add("error");
            }

            @Override
            public void onFrameEnd() {
                tape.add("frame end");
            }
        };
        RecordingListener events = new RecordingListener();
        connectForFrames(JvqClient.builder().listener(events).quoteSink(sink), events);

        pushThreeFrames();

        assertEquals(THREE_FRAMES_TAPE, tape.await(THREE_FRAMES_TAPE.size(), patience()));
        assertEquals(1, tape.threads().size(), "one reader thread delivers a connection's frames: " + tape.threads());
    }

    /** What a frame-aware listener or sink was told, in order, and on which threads. */
    private static final class FrameTape {
        private final List<String> entries = new ArrayList<>();
        private final Set<String> threads = new java.util.LinkedHashSet<>();

        synchronized void add(String entry) {
            entries.add(entry);
            threads.add(Thread.currentThread().getName());
            notifyAll();
        }

        synchronized List<String> await(int n, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (entries.size() < n) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        fail("expected " + n + " entries in " + timeout + ", got " + entries);
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            return List.copyOf(entries);
        }

        synchronized Set<String> threads() {
            return Set.copyOf(threads);
        }
    }

    // ------------------------------------------------------------------ staying connected

    @Test
    void rediscoversAndResubscribesAfterTheServerCloses() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV1);

        server.closeAll(1001, "server restarting");

        ConnectionEvent.Disconnected gone = events.nextConnectionEvent(ConnectionEvent.Disconnected.class, patience());
        assertEquals(1001, gone.closeCode());
        assertResubscribedOnASecondConnection(events);
    }

    @Test
    void rediscoversAndResubscribesAfterATcpCut() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV1);

        server.cutAll();

        ConnectionEvent.Disconnected gone = events.nextConnectionEvent(ConnectionEvent.Disconnected.class, patience());
        assertEquals(-1, gone.closeCode(), "a cut has no close code: " + gone);
        assertResubscribedOnASecondConnection(events);
    }

    @Test
    void rediscoversAndResubscribesAfterTheServerStalls() {
        RecordingListener events = new RecordingListener();
        connectedClient(events, MOUTAI_LV1);

        server.stall();

        ConnectionEvent.Disconnected gone = events.nextConnectionEvent(ConnectionEvent.Disconnected.class, patience());
        assertEquals(-1, gone.closeCode(), "a dead connection is given up on, not closed by the server: " + gone);
        assertResubscribedOnASecondConnection(events);
    }

    /**
     * With the default liveness settings, a quiet connection whose server answers pings stays up
     * past the idle timeout, and a silent one (no data, no pongs) is given up within 15 seconds.
     */
    @Test
    void theDefaultsKeepAQuietConnectionAndGiveUpASilentOneWithinFifteenSeconds() throws InterruptedException {
        ClientOptions defaults = server.clientOptions().build();
        RecordingListener events = new RecordingListener();
        JvqClient client = newClient(options(server).pingInterval(defaults.pingInterval())
                .idleTimeout(defaults.idleTimeout()).build(), events);
        client.subscribe(MOUTAI_LV1);
        client.start();
        server.takeCommand(patience());
        events.nextConnectionEvent(ConnectionEvent.Connected.class, patience());

        TimeUnit.MILLISECONDS.sleep(defaults.idleTimeout().plusSeconds(1).toMillis());
        assertTrue(events.drainConnectionEvents().stream().noneMatch(ConnectionEvent.Disconnected.class::isInstance),
                "a quiet connection that answers pings is kept");

        server.stall();
        long stalled = System.nanoTime();
        ConnectionEvent.Disconnected gone = events.nextConnectionEvent(ConnectionEvent.Disconnected.class,
                Duration.ofSeconds(20));
        Duration detected = Duration.ofNanos(System.nanoTime() - stalled);
        assertTrue(detected.compareTo(Duration.ofSeconds(15)) <= 0, "given up after " + detected + ": " + gone);
        assertTrue(gone.reason().contains("nothing received"), gone.reason());
    }

    @Test
    void staysConnectedWhileTheServerAnswersPings() throws InterruptedException {
        RecordingListener events = new RecordingListener();
        JvqClient client = connectedClient(events, MOUTAI_LV1);
        Duration idleTimeout = options(server).build().idleTimeout();

        TimeUnit.MILLISECONDS.sleep(idleTimeout.multipliedBy(2).plusMillis(500).toMillis());

        List<ConnectionEvent> changes = events.drainConnectionEvents();
        assertTrue(changes.stream().noneMatch(ConnectionEvent.Disconnected.class::isInstance),
                "pongs keep an idle connection alive: " + changes);
        assertEquals(1, server.acceptedConnectionCount());
        assertTrue(client.isConnected());
    }

    private void assertResubscribedOnASecondConnection(RecordingListener events) {
        ClientCommand again = server.takeCommand(patience());
        assertEquals("all=lv1_600519", again.text(), "resubscribed");
        assertTrue(again.connectionId() >= 2, "on a new connection: " + again);
        // The fake's discovered paths admit one upgrade each: a second connection needs a second discovery.
        assertTrue(server.discoveryCount() >= 2, "asked discovery again before reconnecting");
        events.nextConnectionEvent(ConnectionEvent.Connected.class, patience());
        events.drainQuotes();

        server.pushQuotes(MOUTAI_LINE);

        assertEquals(MOUTAI_LV1, events.nextQuotes(1, patience()).get(0).code());
        assertNoToken(events);
    }

    // ------------------------------------------------------------------ bad frames

    @Test
    void survivesFramesThatDoNotInflateOrInflateTooFarAndBadLines() {
        RecordingListener events = new RecordingListener();
        int cap = 1024 * 1024;
        JvqClient client = newClient(options(server).maxInflatedBytes(cap).build(), events);
        client.subscribe(MOUTAI_LV1);
        client.start();
        server.takeCommand(patience());
        events.nextConnectionEvent(ConnectionEvent.Connected.class, patience());

        server.pushNotDeflate();
        DecodeError notDeflate = events.nextDecodeError(patience());
        server.pushBomb(2L * cap);
        DecodeError bomb = events.nextDecodeError(patience());
        server.pushQuotesToAll(MOUTAI_LINE + "\nlv1_600519=14:59:59,贵州茅台,not-a-price\n" + PINGAN_LINE + "\n");
        DecodeError badLine = events.nextDecodeError(patience());
        List<QuoteEvent> goodLines = events.nextQuotes(2, patience());
        server.pushQuotes(MOUTAI_LINE);
        QuoteEvent after = events.nextQuotes(1, patience()).get(0);

        assertTrue(notDeflate.frameLevel(), "a frame that does not inflate is skipped whole: " + notDeflate);
        assertTrue(bomb.frameLevel(), "a frame past the cap is skipped whole: " + bomb);
        assertEquals("lv1_600519", badLine.code());
        assertTrue(badLine.excerpt().contains("not-a-price"), badLine.toString());
        assertEquals(List.of(MOUTAI_LV1, PINGAN_LV1), goodLines.stream().map(QuoteEvent::code).toList(),
                "the good lines around a bad one are delivered");
        assertEquals(MOUTAI_LV1, after.code());
        assertEquals(1, server.acceptedConnectionCount(), "the connection stayed up");
        assertTrue(events.events().stream().noneMatch(ConnectionEvent.Disconnected.class::isInstance));
    }

    // ------------------------------------------------------------------ closing

    @Test
    void closeReleasesTheConnectionAndEveryThread() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RecordingListener events = new RecordingListener();
        JvqClient client = connectedClient(events, MOUTAI_LV1);
        server.pushQuotes(MOUTAI_LINE);
        events.nextQuotes(1, patience());

        client.close();

        server.awaitConnections(0, patience());
        List<JvqEvent> all = events.events();
        assertInstanceOf(ConnectionEvent.Closed.class, all.get(all.size() - 1), "Closed is the last event");
        long deadline = System.nanoTime() + patience().toNanos();
        List<String> leftover = threadsStartedSince(before);
        while (!leftover.isEmpty() && System.nanoTime() < deadline) {
            // An unreachable JDK HttpClient stops its selector thread only once collected.
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
            leftover = threadsStartedSince(before);
        }
        assertEquals(List.of(), leftover, "threads still alive after close()");
        assertFalse(client.isConnected());
    }

    @Test
    void closeBeforeConnectingIsCleanToo() {
        RecordingListener events = new RecordingListener();
        server.failNextDiscoveries(1, DiscoveryFault.slowReply(Duration.ofSeconds(1)));
        JvqClient client = newClient(options(server).build(), events);
        client.start();
        server.awaitDiscoveries(1, patience());

        client.close();

        assertInstanceOf(ConnectionEvent.Closed.class, events.nextConnectionEvent(ConnectionEvent.Closed.class, patience()));
        assertNull(server.pollCommand(Duration.ofMillis(1500)).orElse(null), "no connection after close()");
        assertEquals(0, server.acceptedConnectionCount());
    }

    // ------------------------------------------------------------------ helpers

    private List<String> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !isSharedThread(t))
                .map(Thread::getName).sorted().toList();
    }

    private void assertNoToken(RecordingListener events) {
        for (JvqEvent event : events.events()) {
            if (event.toString().contains(server.token())) {
                fail("an event shows the token: " + event);
            }
        }
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    private static long fp(String decimal) {
        return FixedPoint.of(decimal);
    }
}
