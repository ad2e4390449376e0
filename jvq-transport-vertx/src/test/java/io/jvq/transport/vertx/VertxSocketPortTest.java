package io.jvq.transport.vertx;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketRequest;
import io.jvq.transport.vertx.RecordingListener.Binary;
import io.jvq.transport.vertx.RecordingListener.Closed;
import io.jvq.transport.vertx.RecordingListener.Failed;
import io.jvq.transport.vertx.RecordingListener.Pong;
import io.jvq.transport.vertx.RecordingListener.Text;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.http.WebSocketInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static io.jvq.transport.vertx.SecretChecks.assertNoToken;
import static io.jvq.transport.vertx.TestServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The socket port against a plain Vert.x WebSocket server, without the session engine. */
class VertxSocketPortTest {
    private static final int MIB = 1024 * 1024;

    private static Vertx serverVertx;
    private static Vertx clientVertx;
    private TestServer server;
    private VertxSocketPort port;
    private final RecordingListener listener = new RecordingListener();

    @BeforeAll
    static void startVertx() {
        serverVertx = Vertx.vertx();
        clientVertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        await(clientVertx.close().toCompletionStage().toCompletableFuture());
        await(serverVertx.close().toCompletionStage().toCompletableFuture());
    }

    @BeforeEach
    void start() {
        server = TestServer.start(serverVertx);
        port = VertxSocketPort.builder().vertx(clientVertx).build();
    }

    @AfterEach
    void stop() {
        port.close();
        server.close();
        assertThat(listener.violations).isEmpty();
    }

    private SocketRequest request(String path, int maxMessageBytes) {
        return new SocketRequest(URI.create(server.wsUri(path)), Duration.ofSeconds(30), maxMessageBytes);
    }

    private VertxSocketConnection connect(String path) {
        return connect(path, 8 * MIB);
    }

    private VertxSocketConnection connect(String path, int maxMessageBytes) {
        return (VertxSocketConnection) await(port.connect(request(path, maxMessageBytes), listener));
    }

    /** Waits until Vert.x has made its last callback for the connection. */
    private static void awaitGone(VertxSocketConnection connection) {
        await(connection.channelClosed());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void deliversTextAndBinaryMessagesInOrderOnOneEventLoopThread() throws Exception {
        server.onAccept(ws -> {
            ws.writeTextMessage("add=lv1_600519 ok");
            ws.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));
            ws.writeTextMessage("第二");
        });
        connect("/");

        assertThat(listener.next()).isEqualTo(new Text("add=lv1_600519 ok"));
        Binary binary = listener.next(Binary.class);
        assertThat(binary.bytes()).containsExactly(1, 2, 3);
        assertThat(binary.hasArray()).as("a heap view, which Inflater reads without copying").isTrue();
        assertThat(listener.next()).isEqualTo(new Text("第二"));
        assertThat(listener.threads).hasSize(3).allMatch(name -> name.equals(listener.threads.get(0)))
                .allMatch(name -> name.contains("eventloop"));
    }

    @Test
    void keepsTheConnectionWhenTheListenerThrows() throws Exception {
        server.onAccept(ws -> {
            ws.writeTextMessage("first");
            ws.writeTextMessage("second");
        });
        RecordingListener clumsy = new RecordingListener() {
            @Override
            public void onText(String text) {
                super.onText(text);
                if (text.equals("first")) {
                    throw new IllegalStateException("listener bug");
                }
            }
        };
        await(port.connect(request("/", MIB), clumsy));

        assertThat(clumsy.next()).isEqualTo(new Text("first"));
        assertThat(clumsy.next()).isEqualTo(new Text("second"));
        assertThat(clumsy.terminalCount()).isZero();
    }

    @Test
    void completesTheConnectFutureBeforeTheFirstMessage() throws Exception {
        List<Boolean> openWhenCalled = new ArrayList<>();
        AtomicReference<CompletableFuture<SocketConnection>> opened = new AtomicReference<>();
        server.onAccept(ws -> ws.writeTextMessage("hello"));
        RecordingListener probe = new RecordingListener() {
            @Override
            public void onText(String text) {
                openWhenCalled.add(opened.get() != null && opened.get().isDone());
                super.onText(text);
            }
        };
        opened.set(port.connect(request("/", MIB), probe));
        await(opened.get());
        assertThat(probe.next()).isEqualTo(new Text("hello"));
        assertThat(openWhenCalled).containsExactly(true);
    }

    @Test
    void sendsTextToTheServer() throws Exception {
        VertxSocketConnection connection = connect("/");
        ServerWebSocket ws = server.takeWebSocket();
        CompletableFuture<String> received = new CompletableFuture<>();
        ws.textMessageHandler(received::complete);

        await(connection.sendText("all=lv1_600519,lv2_600519"));

        assertThat(await(received)).isEqualTo("all=lv1_600519,lv2_600519");
    }

    @Test
    void failsToSendOnceClosed() throws Exception {
        VertxSocketConnection connection = connect("/");
        connection.close(1000, "done");
        listener.next(Closed.class);

        assertThatThrownBy(() -> connection.sendText("list").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("sending a text message on ws://127.0.0.1:")
                .hasMessageContaining("token=***");
    }

    @Test
    void deliversA5MiBBinaryMessageSentAsOneFrame() throws Exception {
        byte[] payload = randomBytes(5 * MIB);
        server.onAccept(ws -> ws.writeFinalBinaryFrame(Buffer.buffer(payload)));
        connect("/", 8 * MIB);

        assertThat(listener.next(Binary.class).bytes()).isEqualTo(payload);
    }

    @Test
    void deliversA5MiBBinaryMessageSentAsManyContinuationFrames() throws Exception {
        byte[] payload = randomBytes(5 * MIB);
        // The server splits at its 64 KiB frame size: 80 frames, one message.
        server.onAccept(ws -> ws.writeBinaryMessage(Buffer.buffer(payload)));
        connect("/", 8 * MIB);

        assertThat(listener.next(Binary.class).bytes()).isEqualTo(payload);
    }

    @Test
    void joinsFragmentedBinaryAndTextMessages() throws Exception {
        server.onAccept(ws -> {
            ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer("ab"), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("cd"), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("ef"), true));
            ws.writeFrame(WebSocketFrame.textFrame("lv1_600519=", false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("贵州茅台"), true));
        });
        connect("/");

        assertThat(new String(listener.next(Binary.class).bytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
        assertThat(listener.next()).isEqualTo(new Text("lv1_600519=贵州茅台"));
    }

    @Test
    void endsWithOneErrorWhenAFrameExceedsTheLimit() throws Exception {
        server.onAccept(ws -> ws.writeFinalBinaryFrame(Buffer.buffer(new byte[MIB + 1])));
        VertxSocketConnection connection = connect("/", MIB);

        Failed failed = listener.next(Failed.class);
        awaitGone(connection);
        assertThat(failed.error()).hasMessageContaining("token=***");
        assertThat(failed.error().toString() + failed.error().getCause()).containsIgnoringCase("length");
        assertThat(listener.terminalCount()).isEqualTo(1);
        assertNoToken(failed.error());
    }

    @Test
    void endsWithOneErrorWhenAFragmentedMessageExceedsTheLimit() throws Exception {
        server.onAccept(ws -> {
            ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(new byte[600 * 1024]), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[600 * 1024]), true));
        });
        VertxSocketConnection connection = connect("/", MIB);

        Failed failed = listener.next(Failed.class);
        awaitGone(connection);
        assertThat(failed.error()).hasMessageContaining("max message size of " + MIB);
        assertThat(listener.terminalCount()).isEqualTo(1);
    }

    @Test
    void reportsThePongThatAnswersAPing() throws Exception {
        VertxSocketConnection connection = connect("/");
        connection.sendPing();
        assertThat(listener.next()).isEqualTo(new Pong());
    }

    @Test
    void answersTheServersPingByItself() throws Exception {
        connect("/");
        ServerWebSocket ws = server.takeWebSocket();
        CompletableFuture<String> pong = new CompletableFuture<>();
        ws.pongHandler(payload -> pong.complete(payload.toString()));

        ws.writePing(Buffer.buffer("are you there"));

        assertThat(await(pong)).isEqualTo("are you there");
    }

    @Test
    void reportsTheServersCloseCodeAndReasonOnce() throws Exception {
        server.onAccept(ws -> {
            ws.writeTextMessage("last words");
            ws.close((short) 4000, "maintenance");
        });
        VertxSocketConnection connection = connect("/");

        assertThat(listener.next()).isEqualTo(new Text("last words"));
        assertThat(listener.next()).isEqualTo(new Closed(4000, "maintenance"));
        awaitGone(connection);
        assertThat(listener.terminalCount()).isEqualTo(1);
    }

    @Test
    void closesWithAHandshakeAndReportsTheEchoedClose() throws Exception {
        VertxSocketConnection connection = connect("/");
        ServerWebSocket ws = server.takeWebSocket();
        CompletableFuture<Short> serverSaw = new CompletableFuture<>();
        ws.closeHandler(ignored -> serverSaw.complete(ws.closeStatusCode()));

        connection.close(1000, "bye");
        connection.close(1000, "bye again");

        assertThat(await(serverSaw)).isEqualTo((short) 1000);
        assertThat(ws.closeReason()).isEqualTo("bye");
        assertThat(listener.next()).isEqualTo(new Closed(1000, "bye"));
        awaitGone(connection);
        assertThat(listener.terminalCount()).isEqualTo(1);
    }

    @Test
    void rejectsCloseCodesThatMayNotBeSent() throws Exception {
        VertxSocketConnection connection = connect("/");
        assertThatThrownBy(() -> connection.close(1006, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1006");
        assertThatThrownBy(() -> connection.close(1000, "x".repeat(124)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("123 bytes");
    }

    @Test
    void abortDropsTheConnectionWithoutAClosingHandshake() throws Exception {
        VertxSocketConnection connection = connect("/");
        ServerWebSocket ws = server.takeWebSocket();
        CompletableFuture<Short> serverSaw = new CompletableFuture<>();
        ws.closeHandler(ignored -> serverSaw.complete(ws.closeStatusCode()));

        connection.abort();

        assertThat(await(serverSaw)).as("1006: closed without a close frame").isEqualTo((short) 1006);
        Failed failed = listener.next(Failed.class);
        assertThat(failed.error()).hasMessageContaining("aborted by the client");
        awaitGone(connection);
        assertThat(listener.terminalCount()).isEqualTo(1);
        assertNoToken(failed.error());
    }

    @Test
    void reportsOneErrorWhenTheServerDiesWithoutAClose() throws Exception {
        VertxSocketConnection connection = connect("/");
        ServerWebSocket ws = server.takeWebSocket();

        // Past Vert.x's handler, so that no close frame goes out: the server just vanishes.
        ((WebSocketInternal) ws).channelHandlerContext().close();

        Failed failed = listener.next(Failed.class);
        assertThat(failed.error()).hasMessageContaining("closed without a close frame");
        awaitGone(connection);
        assertThat(listener.terminalCount()).isEqualTo(1);
        assertNoToken(failed.error());
    }

    @Test
    void reportsOneTerminalCallbackWhenTheServersVertxShutsDown() throws Exception {
        Vertx doomed = Vertx.vertx();
        TestServer other = TestServer.start(doomed);
        VertxSocketConnection connection = (VertxSocketConnection) await(port.connect(
                new SocketRequest(URI.create(other.wsUri("/")), Duration.ofSeconds(30), MIB), listener));
        other.takeWebSocket();

        await(doomed.close().toCompletionStage().toCompletableFuture());

        RecordingListener.Event end = listener.next();
        awaitGone(connection);
        assertThat(end).isInstanceOfAny(Failed.class, Closed.class);
        assertThat(listener.terminalCount()).isEqualTo(1);
    }

    @Test
    void timesOutWhenTheServerNeverAnswersTheUpgrade() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            }, "silent-acceptor");
            acceptor.start();
            SocketRequest request = new SocketRequest(
                    URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/?token=" + TestServer.TOKEN),
                    Duration.ofMillis(300), MIB);

            long started = System.nanoTime();
            CompletableFuture<SocketConnection> attempt = port.connect(request, listener);

            assertThatThrownBy(() -> attempt.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("timed out after 300 ms")
                    .hasMessageContaining("token=***");
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // Not the Vert.x backstop (1 s later) and not early; generous above for a loaded machine.
            assertThat(elapsedMillis).isBetween(250L, 8_000L);
            assertNoToken(attempt.handle((ok, error) -> error).get());
            assertThat(listener.all()).isEmpty();
            silent.close();
            acceptor.join(5_000);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SocketRequest request = new SocketRequest(
                URI.create("ws://127.0.0.1:" + closedPort + "/x?token=" + TestServer.TOKEN), Duration.ofSeconds(5), MIB);

        CompletableFuture<SocketConnection> attempt = port.connect(request, listener);

        Throwable error = attempt.handle((ok, e) -> e).get(30, TimeUnit.SECONDS);
        assertThat(error).hasMessageContaining("WebSocket connect to ws://127.0.0.1:" + closedPort + "/x?token=*** failed");
        assertNoToken(error);
    }

    @Test
    void failsWhenTheServerRefusesTheUpgrade() throws Exception {
        server.onHandshake(handshake -> handshake.reject(403));

        Throwable error = port.connect(request("/", MIB), listener).handle((ok, e) -> e).get(30, TimeUnit.SECONDS);

        assertThat(error).hasMessageContaining("403");
        assertNoToken(error);
    }

    @Test
    void sendsTheWholeUriWithTheTokenButNeverShowsIt() throws Exception {
        CompletableFuture<String> requested = new CompletableFuture<>();
        server.onHandshake(handshake -> {
            requested.complete(handshake.uri());
            handshake.accept();
        });

        VertxSocketConnection connection = connect("/feed/a?src=jvq");

        assertThat(await(requested)).isEqualTo("/feed/a?src=jvq&token=" + TestServer.TOKEN);
        assertThat(connection.toString()).doesNotContain(TestServer.TOKEN).contains("token=***");
    }

    @Test
    void rejectsUrisThatAreNotWebSockets() {
        SocketRequest http = new SocketRequest(URI.create("http://127.0.0.1:1/?token=" + TestServer.TOKEN),
                Duration.ofSeconds(1), MIB);

        assertThatThrownBy(() -> port.connect(http, listener).join())
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ws:// or wss://")
                .hasMessageNotContaining(TestServer.TOKEN);
    }

    @Test
    void refusesToConnectOnceClosed() {
        port.close();
        port.close();

        assertThatThrownBy(() -> port.connect(request("/", MIB), listener).join())
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
