package io.jvq.testkit.conformance;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.ReconnectPolicy;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.SocketPort;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every conformance test starts from: the fake server of the running test, the factories a
 * transport implements, the options and patience every client of the suite uses, and the helpers
 * that start a client. {@link TransportConformanceSuite} is the class a transport's test extends.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class ConformanceFixture {
    static final SubscriptionCode MOUTAI_LV1 = SubscriptionCode.lv1("600519");
    static final SubscriptionCode PINGAN_LV1 = SubscriptionCode.lv1("000001");
    static final SubscriptionCode MOUTAI_LV2 = SubscriptionCode.lv2("600519");
    static final SubscriptionCode BOND_LV2 = SubscriptionCode.lv2("127063");
    static final SubscriptionCode MOUTAI_LV10 = SubscriptionCode.lv10("600519");

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
        return build(JvqClient.builder().options(options).listener(listener));
    }

    /** Builds {@code builder}'s client on fresh ports; closed after the test. */
    JvqClient build(JvqClient.Builder builder) {
        JvqClient client = builder.socket(createSocketPort()).discovery(createDiscoveryPort()).build();
        clients.add(client);
        return client;
    }

    /** Starts a client subscribed to {@code codes} and waits until the server has its {@code all=}. */
    JvqClient connectedClient(RecordingListener listener, SubscriptionCode... codes) {
        JvqClient client = newClient(options(server).build(), listener);
        client.subscribe(codes);
        client.start();
        assertEquals(allCommand(codes), server.takeCommand(patience()).text(), "the subscription sent on connect");
        listener.nextConnectionEvent(ConnectionEvent.Connected.class, patience());
        return client;
    }

    static String allCommand(SubscriptionCode... codes) {
        return "all=" + List.of(codes).stream().map(SubscriptionCode::wire).collect(Collectors.joining(","));
    }

    void assertNoToken(RecordingListener events) {
        for (JvqEvent event : events.events()) {
            if (event.toString().contains(server.token())) {
                fail("an event shows the token: " + event);
            }
        }
    }
}
