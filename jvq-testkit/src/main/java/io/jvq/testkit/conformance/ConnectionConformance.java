package io.jvq.testkit.conformance;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.ReconnectPolicy;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ServerText;
import io.jvq.testkit.ClientCommand;
import io.jvq.testkit.DiscoveryFault;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection half of the {@link TransportConformanceSuite}: discovery and connecting, commands
 * and replies, staying connected through closes, cuts and stalls, and closing.
 */
abstract class ConnectionConformance extends ConformanceFixture {
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
}
