package io.jvq.transport.vertx;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.port.SocketRequest;
import io.jvq.testkit.port.RecordingSocketListener;
import io.jvq.testkit.port.RecordingSocketListener.Text;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.jvq.transport.vertx.TestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Who creates, shares and closes the Vert.x instance, and what is left running afterwards. */
class VertxLifecycleTest {
    private static Vertx serverVertx;
    private static TestServer server;

    @BeforeAll
    static void start() {
        serverVertx = Vertx.vertx();
        server = TestServer.start(serverVertx);
        server.onAccept(ws -> ws.writeTextMessage("hello"));
        server.onRequest(request -> request.response().end("{\"code\":\"0\",\"server\":\"127.0.0.1:1/x\"}"));
    }

    @AfterAll
    static void stop() {
        server.close();
        await(serverVertx.close().toCompletionStage().toCompletableFuture());
    }

    private static SocketRequest socketRequest() {
        return new SocketRequest(URI.create(server.wsUri("/")), Duration.ofSeconds(30), 1024 * 1024);
    }

    private static DiscoveryRequest discoveryRequest() {
        return new DiscoveryRequest(URI.create(server.httpUri("/server")), "ab", "websocket",
                Token.of(TestServer.TOKEN), Duration.ofSeconds(30));
    }

    private static List<String> jvqThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(VertxInternals.THREAD_PREFIX))
                .toList();
    }

    private static long blockedThreadCheckers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("vertx-blocked-thread-checker"))
                .count();
    }

    /** Polls (up to 10 s) until no thread of jvq's own Vert.x instance is alive. */
    private static void assertJvqThreadsGone(long checkersBefore) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((!jvqThreads().isEmpty() || blockedThreadCheckers() > checkersBefore) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jvqThreads()).isEmpty();
        assertThat(blockedThreadCheckers()).isEqualTo(checkersBefore);
    }

    @Test
    void anOwnedInstanceStartsOnFirstUseRunsNamedThreadsAndStopsOnClose() throws Exception {
        long checkersBefore = blockedThreadCheckers();
        VertxSocketPort port = VertxSocketPort.builder().build();
        assertThat(jvqThreads()).as("nothing runs before the first connect").isEmpty();

        RecordingSocketListener listener = new RecordingSocketListener();
        await(port.connect(socketRequest(), listener));
        assertThat(listener.next()).isEqualTo(new Text("hello"));
        assertThat(listener.threadNames).allMatch(name -> name.startsWith("jvq-vert.x-eventloop-thread-"));

        port.close();
        assertJvqThreadsGone(checkersBefore);
        assertThat(listener.terminalCount()).as("the open connection ended with the port").isEqualTo(1);
        assertThat(listener.violations).isEmpty();
    }

    @Test
    void bothPortsOfAClientShareOneOwnedInstanceClosedByTheLastOfThem() throws Exception {
        long checkersBefore = blockedThreadCheckers();
        JvqVertx.Ports ports = JvqVertx.ports();
        VertxHandle handle = ports.handle();
        VertxSocketPort socket = ports.socketPort(handle);
        VertxDiscoveryPort discovery = ports.discoveryPort(handle);

        assertThat(await(discovery.discover(discoveryRequest())).ok()).isTrue();
        await(socket.connect(socketRequest(), new RecordingSocketListener()));
        assertThat(jvqThreads()).as("one event loop for both").hasSize(1);

        socket.close();
        assertThat(await(discovery.discover(discoveryRequest())).ok())
                .as("discovery still works after the socket port closed").isTrue();

        discovery.close();
        assertJvqThreadsGone(checkersBefore);
    }

    @Test
    void aBorrowedInstanceIsLeftRunning() throws Exception {
        Vertx users = Vertx.vertx();
        try {
            VertxSocketPort socket = VertxSocketPort.builder().vertx(users).build();
            VertxDiscoveryPort discovery = VertxDiscoveryPort.builder().vertx(users).build();
            RecordingSocketListener listener = new RecordingSocketListener();
            await(socket.connect(socketRequest(), listener));
            assertThat(listener.next()).isEqualTo(new Text("hello"));
            await(discovery.discover(discoveryRequest()));

            socket.close();
            discovery.close();

            // A closed Vert.x would fail or never fire this timer.
            await(users.timer(1, TimeUnit.MILLISECONDS).toCompletionStage().toCompletableFuture());
            VertxSocketPort again = VertxSocketPort.builder().vertx(users).build();
            await(again.connect(socketRequest(), new RecordingSocketListener()));
            again.close();
            assertThat(jvqThreads()).isEmpty();
        } finally {
            await(users.close().toCompletionStage().toCompletableFuture());
        }
    }

    @Test
    void closingFromAListenerCallbackDoesNotBlockTheEventLoop() throws Exception {
        long checkersBefore = blockedThreadCheckers();
        VertxSocketPort port = VertxSocketPort.builder().build();
        CompletableFuture<Long> closeMillis = new CompletableFuture<>();
        RecordingSocketListener listener = new RecordingSocketListener() {
            @Override
            public void onText(String text) {
                long started = System.nanoTime();
                port.close();
                closeMillis.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                super.onText(text);
            }
        };

        await(port.connect(socketRequest(), listener));

        assertThat(await(closeMillis)).as("close() only starts the shutdown on an event loop").isLessThan(1_000L);
        assertJvqThreadsGone(checkersBefore);
    }

    @Test
    void closingAnUnusedPortCreatesNothing() {
        VertxSocketPort socket = VertxSocketPort.builder().build();
        VertxDiscoveryPort discovery = VertxDiscoveryPort.builder().build();
        socket.close();
        discovery.close();
        assertThat(jvqThreads()).isEmpty();
    }
}
