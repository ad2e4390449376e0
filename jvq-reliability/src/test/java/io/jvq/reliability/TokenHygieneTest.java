package io.jvq.reliability;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.ConnectionEvent.Refused;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ListenerFailure;
import io.jvq.testkit.DiscoveryFault;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token never shows: a session with every kind of fault, a server close reason that quotes
 * the token, and a client with a wrong token that discovery refuses, while every log line is
 * captured: SLF4J (Vert.x, Netty, the adapters, the fake) at debug in {@code target/reliability.log};
 * java.util.logging (jvq-core's System.Logger, Tyrus, Grizzly, the JDK HTTP client) in
 * {@code target/reliability-jul.log} and, with the root logger turned to FINE as someone debugging
 * would, through a handler of this test; plus every event's {@code toString()} and every
 * exception's stack trace. Neither the right token nor the wrong one may appear in any of it.
 */
class TokenHygieneTest {
    private static final String TOKEN = "hygiene-R7uQ2mXz9Kp4Wt";
    private static final String WRONG_TOKEN = "wrong-Lq8Vn3Hb6Ys1Jd";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SubscriptionCode CODE = SubscriptionCode.parse("lv2_600519");

    private final List<String> julLines = new CopyOnWriteArrayList<>();
    private final List<String> exceptionTraces = new CopyOnWriteArrayList<>();
    private final Logger julRoot = Logger.getLogger("");
    private Level julRootLevel;
    private Handler julCapture;

    @BeforeEach
    void captureJavaUtilLogging() {
        SimpleFormatter format = new SimpleFormatter();
        julCapture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                julLines.add(format.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        julCapture.setLevel(Level.ALL);
        julRootLevel = julRoot.getLevel();
        julRoot.setLevel(Level.FINE);
        julRoot.addHandler(julCapture);
    }

    @AfterEach
    void restoreJavaUtilLogging() {
        julRoot.removeHandler(julCapture);
        julRoot.setLevel(julRootLevel);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvq.reliability.Transports#all")
    void theTokenAppearsInNoLogLineEventOrException(Transport transport) throws Exception {
        DeliveryLedger events = new DeliveryLedger(true) {
            private boolean thrown;

            @Override
            public void onTrade(Level2Trade trade) {
                super.onTrade(trade);
                if (!thrown) {
                    thrown = true;
                    throw new IllegalStateException("listener fails on purpose");
                }
            }

            @Override
            public void onListenerFailure(ListenerFailure failure) {
                super.onListenerFailure(failure);
                exceptionTraces.add(trace(failure.error()));
            }
        };
        List<String> rendered = new ArrayList<>();
        try (FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).start()) {
            ClientOptions options = server.clientOptions().pingInterval(Duration.ofMillis(100))
                    .idleTimeout(Duration.ofMillis(500)).discoveryTimeout(Duration.ofMillis(500))
                    .maxInflatedBytes(64 * 1024).reconnect(FaultSoakTest.POLICY).build();
            rendered.add(options.toString());
            JvqClient closed;
            try (JvqClient client = transport.clientBuilder(options).listener(events).build()) {
                closed = client;
                client.subscribe(CODE);
                rendered.add(client.toString());
                expectException(client);   // not started yet: the list waits for no connection
                client.start();
                reconnect(events, server);
                rendered.add(client.list().get(10, TimeUnit.SECONDS));
                assertThat(server.takeCommand(WAIT).text()).isEqualTo("list");
                server.pushQuotes(new TradeTape(List.of(CODE), 2, 1).nextFrame());
                server.pushMalformedLines("lv2_600519=garbage", "no code");
                server.pushBomb(1024 * 1024);
                server.pushNotDeflate();

                // 1011 (a server error) is always retried; a 4xxx "token expired" would stop the client.
                server.closeAll(1011, "internal error serving token " + TOKEN);
                reconnect(events, server);
                server.failNextDiscoveries(1, DiscoveryFault.httpStatus(500));
                server.failNextDiscoveries(1, DiscoveryFault.garbageJson());
                server.failNextDiscoveries(1, DiscoveryFault.slowReply(Duration.ofSeconds(1)));
                server.refuseNextDiscoveries(1);
                server.cutAll();
                reconnect(events, server);
                server.stall();
                reconnect(events, server);
                server.resume();
                rendered.add(client.stats().toString());
                rendered.add(client.toString());
            }
            expectException(closed);
        }
        assertThat(events.connectionEvents()).anySatisfy(s -> assertThat(s.event())
                .isInstanceOfSatisfying(Disconnected.class, d -> assertThat(d.reason()).contains("1011", "***")));
        assertThat(events.listenerFailures()).hasSize(1);

        refusedForAWrongToken(transport, rendered);

        rendered.addAll(events.rendered());
        String logFile = readLogFile("jvq.reliability.logFile");
        String julFile = readLogFile("jvq.reliability.julFile");
        System.out.printf("jvq token hygiene [%s]: searched %d SLF4J log lines (%d bytes), %d java.util.logging"
                        + " file lines, %d java.util.logging records captured at FINE, %d event strings,"
                        + " %d exception traces%n", transport, logFile.lines().count(), logFile.length(),
                julFile.lines().count(), julLines.size(), rendered.size(), exceptionTraces.size());

        assertThat(logFile + julFile).as("the logs show redacted URLs, so discovery and connect lines were logged")
                .contains("token=***");
        assertThat(julLines).as("jvq-core's own lines reached java.util.logging")
                .anyMatch(line -> line.contains("io.jvq.core"));
        for (String secret : List.of(TOKEN, WRONG_TOKEN, FakeJvQuant.DEFAULT_TOKEN)) {
            assertThat(logFile).as("SLF4J log file").doesNotContain(secret);
            assertThat(julFile).as("java.util.logging file").doesNotContain(secret);
            assertThat(julLines).as("java.util.logging records").noneMatch(line -> line.contains(secret));
            assertThat(rendered).as("events and toString()s").noneMatch(line -> line.contains(secret));
            assertThat(exceptionTraces).as("exception stack traces").noneMatch(line -> line.contains(secret));
        }
    }

    /**
     * Clients with the wrong token: one told to keep retrying, refused again and again, and one with
     * the defaults, which stops at the first refusal; both say why.
     */
    private void refusedForAWrongToken(Transport transport, List<String> rendered) throws Exception {
        DeliveryLedger events = new DeliveryLedger(true);
        try (FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).start()) {
            ClientOptions defaults = ClientOptions.builder(WRONG_TOKEN).market(server.market())
                    .discoveryUrl(server.discoveryUrl()).reconnect(FaultSoakTest.POLICY).build();
            try (JvqClient client = transport.clientBuilder(defaults).listener(events).build()) {
                client.start();
                server.awaitDiscoveries(1, WAIT);
                events.takeUntil(Refused.class, WAIT);
                rendered.add(client.stats().toString());
            }
            ClientOptions options = defaults.toBuilder().retryFatalRefusals(true).build();
            rendered.add(options.toString());
            try (JvqClient client = transport.clientBuilder(options).listener(events).build()) {
                client.subscribe(CODE);
                client.start();
                server.awaitDiscoveries(4, WAIT);
                expectException(client);
                rendered.add(client.stats().toString());
            }
            assertThat(server.acceptedConnectionCount()).isZero();
        }
        assertThat(events.connectionEvents()).anySatisfy(s -> assertThat(s.event())
                .isInstanceOfSatisfying(Disconnected.class, d -> assertThat(d.reason()).contains("refused")));
        assertThat(events.connectionEvents()).anySatisfy(s -> assertThat(s.event())
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).contains("invalid token")));
        rendered.addAll(events.rendered());
    }

    /** A {@code list} that cannot be answered (no connection within 200 ms, or after close): keeps the failure's stack trace. */
    private void expectException(JvqClient client) throws InterruptedException {
        try {
            client.list(Duration.ofMillis(200)).get(10, TimeUnit.SECONDS);
            throw new AssertionError("list() succeeded on a client that is not connected: " + client);
        } catch (ExecutionException | IllegalStateException e) {
            exceptionTraces.add(trace(e));
        } catch (TimeoutException e) {
            throw new AssertionError("list() neither failed nor answered", e);
        }
    }

    /** Waits for the next connection, and for the server to have its subscription (so that faults reach it). */
    private static void reconnect(DeliveryLedger events, FakeJvQuant server) throws InterruptedException {
        events.takeUntil(Connected.class, WAIT);
        assertThat(server.takeCommand(WAIT).text()).isEqualTo("all=" + CODE.wire());
    }

    private static String trace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String readLogFile(String property) throws IOException {
        String path = System.getProperty(property);
        assertThat(path).as("surefire sets %s", property).isNotNull();
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }
}
