package io.jvq.transport.vertx;

import io.jvq.core.port.SocketRequest;
import io.jvq.testkit.port.RecordingSocketListener;
import io.jvq.testkit.port.RecordingSocketListener.Binary;
import io.jvq.testkit.port.RecordingSocketListener.Closed;
import io.jvq.testkit.port.RecordingSocketListener.Failed;
import io.jvq.testkit.port.RecordingSocketListener.Text;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
    private final RecordingSocketListener listener = new RecordingSocketListener();

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
        assertThat(listener.threadNames).hasSize(3).allMatch(name -> name.equals(listener.threadNames.get(0)))
                .allMatch(name -> name.contains("eventloop"));
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
    void reportsOneTerminalCallbackWhenTheServersVertxShutsDown() throws Exception {
        Vertx doomed = Vertx.vertx();
        TestServer other = TestServer.start(doomed);
        VertxSocketConnection connection = (VertxSocketConnection) await(port.connect(
                new SocketRequest(URI.create(other.wsUri("/")), Duration.ofSeconds(30), MIB), listener));
        other.takeWebSocket();

        await(doomed.close().toCompletionStage().toCompletableFuture());

        RecordingSocketListener.Event end = listener.next();
        awaitGone(connection);
        assertThat(end).isInstanceOfAny(Failed.class, Closed.class);
        assertThat(listener.terminalCount()).isEqualTo(1);
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
}
