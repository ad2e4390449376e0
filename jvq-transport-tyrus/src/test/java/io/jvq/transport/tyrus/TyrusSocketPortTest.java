package io.jvq.transport.tyrus;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketRequest;
import io.jvq.transport.tyrus.RecordingSocketListener.Binary;
import io.jvq.transport.tyrus.RecordingSocketListener.Closed;
import io.jvq.transport.tyrus.RecordingSocketListener.Event;
import io.jvq.transport.tyrus.RecordingSocketListener.Failed;
import io.jvq.transport.tyrus.RecordingSocketListener.Pong;
import io.jvq.transport.tyrus.RecordingSocketListener.Text;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TyrusSocketPortTest {
    static final String TOKEN = "tok-S3cr3t-9f8e7d";
    static final int MAX_MESSAGE = 16 * 1024 * 1024;
    static final Duration QUIET = Duration.ofMillis(300);

    VertxTestServer server;
    TyrusSocketPort port;
    RecordingSocketListener listener = new RecordingSocketListener();

    @BeforeEach
    void start() throws Exception {
        server = VertxTestServer.plain();
        port = TyrusSocketPort.create();
    }

    @AfterEach
    void stop() throws Exception {
        port.close();
        server.close();
    }

    @Test
    void sends_text_and_receives_the_echo() throws Exception {
        SocketConnection connection = connect(server.ws("/quotes?token=" + TOKEN));

        connection.sendText("add=lv1_600519").get(5, TimeUnit.SECONDS);

        assertThat(listener.next(Text.class).text()).isEqualTo("add=lv1_600519");
        assertThat(server.nextRequestUri()).isEqualTo("/quotes?token=" + TOKEN);
        listener.assertContractHeld();
    }

    @Test
    void delivers_a_binary_message_byte_for_byte() throws Exception {
        byte[] payload = pattern(70_000);
        server.onWebSocket(ws -> ws.writeBinaryMessage(Buffer.buffer(payload)));

        connect(server.ws("/?token=" + TOKEN));

        assertThat(listener.next(Binary.class).bytes()).isEqualTo(payload);
    }

    @Test
    void accepts_a_5_MiB_message_sent_as_one_frame() throws Exception {
        byte[] payload = pattern(5 * 1024 * 1024);
        server.onWebSocket(ws -> ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(payload), true)));

        connect(server.ws("/?token=" + TOKEN));

        assertThat(listener.next(Binary.class).bytes()).isEqualTo(payload);
    }

    @Test
    void joins_a_5_MiB_message_sent_in_continuation_frames() throws Exception {
        byte[] payload = pattern(5 * 1024 * 1024);
        int fragment = 64 * 1024;
        server.onWebSocket(ws -> {
            for (int from = 0; from < payload.length; from += fragment) {
                Buffer part = Buffer.buffer(Arrays.copyOfRange(payload, from, Math.min(payload.length, from + fragment)));
                boolean last = from + fragment >= payload.length;
                ws.writeFrame(from == 0 ? WebSocketFrame.binaryFrame(part, last) : WebSocketFrame.continuationFrame(part, last));
            }
        });

        connect(server.ws("/?token=" + TOKEN));

        assertThat(listener.next(Binary.class).bytes()).isEqualTo(payload);
        listener.assertQuietFor(QUIET);
    }

    @Test
    void joins_a_fragmented_text_message() throws Exception {
        server.onWebSocket(ws -> {
            ws.writeFrame(WebSocketFrame.textFrame("lv1_600519=14:59:59,", false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("贵州茅台,"), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("1700.50"), true));
        });

        connect(server.ws("/?token=" + TOKEN));

        assertThat(listener.next(Text.class).text()).isEqualTo("lv1_600519=14:59:59,贵州茅台,1700.50");
    }

    @Test
    void a_message_over_the_limit_ends_the_connection_with_an_error() throws Exception {
        server.onWebSocket(ws -> ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(pattern(4096)), true)));

        connect(server.ws("/?token=" + TOKEN), request(server.ws("/?token=" + TOKEN), 1024, Duration.ofSeconds(5)));

        Event end = listener.terminal();
        assertThat(end).isInstanceOf(Failed.class);
        assertThat(((Failed) end).error()).hasMessageContaining("maxMessageBytes = 1024");
        listener.assertQuietFor(QUIET);
    }

    @Test
    void a_fragmented_message_over_the_limit_ends_the_connection_with_an_error() throws Exception {
        server.onWebSocket(ws -> {
            ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(pattern(800)), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(pattern(800)), true));
        });

        connect(server.ws("/?token=" + TOKEN), request(server.ws("/?token=" + TOKEN), 1024, Duration.ofSeconds(5)));

        assertThat(listener.terminal()).isInstanceOf(Failed.class);
        listener.assertQuietFor(QUIET);
    }

    @Test
    void a_ping_is_answered_by_onPong() throws Exception {
        SocketConnection connection = connect(server.ws("/?token=" + TOKEN));

        connection.sendPing();

        listener.next(Pong.class);
    }

    @Test
    void server_pings_are_answered_with_pongs() throws Exception {
        CompletableFuture<String> pong = new CompletableFuture<>();
        server.onWebSocket(ws -> {
            ws.pongHandler(data -> pong.complete(data.toString(StandardCharsets.UTF_8)));
            ws.writePing(Buffer.buffer("are-you-there"));
        });

        connect(server.ws("/?token=" + TOKEN));

        assertThat(pong.get(5, TimeUnit.SECONDS)).isEqualTo("are-you-there");
    }

    @Test
    void the_server_close_code_and_reason_reach_onClose_once() throws Exception {
        server.onWebSocket(ws -> ws.close((short) 4001, "token expired"));

        connect(server.ws("/?token=" + TOKEN));

        assertThat(listener.terminal()).isEqualTo(new Closed(4001, "token expired"));
        listener.assertQuietFor(QUIET);
    }

    @Test
    void close_sends_the_code_to_the_server_and_reports_onClose_once() throws Exception {
        CompletableFuture<Short> serverSaw = new CompletableFuture<>();
        server.onWebSocket(ws -> ws.closeHandler(v -> serverSaw.complete(ws.closeStatusCode())));
        SocketConnection connection = connect(server.ws("/?token=" + TOKEN));

        connection.close(1000, "client done");
        connection.close(1000, "again");

        assertThat(listener.terminal()).isEqualTo(new Closed(1000, "client done"));
        assertThat(serverSaw.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1000);
        listener.assertQuietFor(QUIET);
        assertThat(connection.sendText("late")).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void close_called_from_inside_a_callback_does_not_reenter_the_listener() throws Exception {
        // The connect future is complete before the first message, so a callback can join it.
        CompletableFuture<CompletableFuture<SocketConnection>> attempt = new CompletableFuture<>();
        listener.onTextHook = text -> attempt.join().join().close(1000, "bye from callback");
        server.onWebSocket(ws -> ws.writeTextMessage("hello"));

        attempt.complete(port.connect(request(server.ws("/?token=" + TOKEN), MAX_MESSAGE, Duration.ofSeconds(5)), listener));

        assertThat(listener.next(Text.class).text()).isEqualTo("hello");
        assertThat(listener.terminal()).isEqualTo(new Closed(1000, "bye from callback"));
        listener.assertQuietFor(QUIET);
    }

    @Test
    void abort_drops_the_connection_without_a_close_frame() throws Exception {
        CompletableFuture<Short> serverSaw = new CompletableFuture<>();
        server.onWebSocket(ws -> ws.closeHandler(v -> serverSaw.complete(ws.closeStatusCode())));
        SocketConnection connection = connect(server.ws("/?token=" + TOKEN));

        connection.abort();

        Event end = listener.terminal();
        assertThat(end).isInstanceOf(Failed.class);
        assertThat(((Failed) end).error()).hasMessageContaining("aborted");
        // Vert.x reports 1006 (abnormal closure) for a connection that ended without a close frame.
        assertThat(serverSaw.get(5, TimeUnit.SECONDS)).as("close status the server saw").isEqualTo((short) 1006);
        listener.assertQuietFor(QUIET);
    }

    @Test
    void a_server_that_dies_with_a_reset_is_reported_once_as_an_error() throws Exception {
        try (RawSocketServer dying = RawSocketServer.upgradingThen(RawSocketServer::reset)) {
            connect(dying.ws("/?token=" + TOKEN));

            assertThat(listener.terminal()).isInstanceOf(Failed.class);
            listener.assertQuietFor(QUIET);
        }
    }

    @Test
    void a_server_that_goes_away_mid_message_is_reported_once_as_an_error() throws Exception {
        try (RawSocketServer dying = RawSocketServer.upgradingThen(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(RawSocketServer.frameHeader(0x2, true, 1000));
            out.write(pattern(100));
            out.flush();
            socket.close();
        })) {
            connect(dying.ws("/?token=" + TOKEN));

            Event end = listener.terminal();
            assertThat(end).isInstanceOf(Failed.class);
            assertThat(((Failed) end).error().toString()).doesNotContain(TOKEN);
            listener.assertQuietFor(QUIET);
        }
    }

    @Test
    void connect_times_out_when_the_upgrade_is_never_answered() throws Exception {
        try (RawSocketServer silent = RawSocketServer.silent()) {
            URI uri = silent.ws("/?token=" + TOKEN);
            long started = System.nanoTime();

            CompletableFuture<SocketConnection> attempt =
                    port.connect(request(uri, MAX_MESSAGE, Duration.ofMillis(500)), listener);

            assertThatThrownBy(() -> attempt.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("timed out after 500 ms")
                    .hasMessageContaining("token=***")
                    .hasMessageNotContaining(TOKEN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            listener.assertQuietFor(QUIET);
            assertThat(listener.terminalCount()).isZero();
        }
    }

    @Test
    void a_refused_upgrade_fails_the_connect_with_the_status_and_no_token() throws Exception {
        server.onHandshake(handshake -> handshake.reject(403));

        CompletableFuture<SocketConnection> attempt =
                port.connect(request(server.ws("/?token=" + TOKEN), MAX_MESSAGE, Duration.ofSeconds(5)), listener);

        Throwable failure = failureOf(attempt);
        assertThat(failure).hasMessageContaining("403").hasMessageContaining("token=***");
        assertNoTokenIn(failure);
    }

    @Test
    void a_closed_port_number_fails_the_connect_with_no_token() throws Exception {
        URI nobody;
        try (RawSocketServer gone = RawSocketServer.silent()) {
            nobody = gone.ws("/?token=" + TOKEN);
        }

        Throwable failure = failureOf(port.connect(request(nobody, MAX_MESSAGE, Duration.ofSeconds(5)), listener));

        assertThat(failure).hasMessageContaining("failed");
        assertNoTokenIn(failure);
    }

    @Test
    void the_connect_future_completes_before_the_first_message_is_delivered() throws Exception {
        CompletableFuture<CompletableFuture<SocketConnection>> attempt = new CompletableFuture<>();
        CompletableFuture<Boolean> doneAtFirstMessage = new CompletableFuture<>();
        listener.onTextHook = text -> doneAtFirstMessage.complete(attempt.join().isDone());
        server.onWebSocket(ws -> ws.writeTextMessage("welcome"));

        attempt.complete(port.connect(request(server.ws("/?token=" + TOKEN), MAX_MESSAGE, Duration.ofSeconds(5)), listener));

        assertThat(doneAtFirstMessage.get(5, TimeUnit.SECONDS)).isTrue();
        listener.assertContractHeld();
    }

    @Test
    void a_listener_that_throws_does_not_break_the_connection() throws Exception {
        listener.onTextHook = text -> {
            if (text.equals("first")) {
                throw new IllegalStateException("listener bug");
            }
        };
        server.onWebSocket(ws -> ws.writeTextMessage("first").compose(v -> ws.writeTextMessage("second")));

        connect(server.ws("/?token=" + TOKEN));

        assertThat(listener.next(Text.class).text()).isEqualTo("first");
        assertThat(listener.next(Text.class).text()).isEqualTo("second");
        listener.assertContractHeld();
    }

    @Test
    void listener_calls_come_from_the_connection_s_named_worker_threads() throws Exception {
        server.onWebSocket(ws -> {
            for (int i = 0; i < 50; i++) {
                ws.writeTextMessage("m" + i);
            }
        });

        connect(server.ws("/?token=" + TOKEN));

        for (int i = 0; i < 50; i++) {
            assertThat(listener.next(Text.class).text()).isEqualTo("m" + i);
        }
        assertThat(listener.threadNames).allSatisfy(name -> assertThat(name).startsWith("jvq-tyrus-worker"));
        listener.assertContractHeld();
    }

    @Test
    void closing_the_port_drops_open_connections_and_refuses_new_ones() throws Exception {
        connect(server.ws("/?token=" + TOKEN));

        port.close();

        assertThat(listener.terminal()).isInstanceOf(Failed.class);
        assertThat(failureOf(port.connect(request(server.ws("/"), MAX_MESSAGE, Duration.ofSeconds(1)), listener)))
                .isInstanceOf(IllegalStateException.class);
        listener.assertContractHeld();
    }

    @Test
    void wss_works_with_a_given_ssl_context() throws Exception {
        try (VertxTestServer tls = VertxTestServer.tls();
             TyrusSocketPort trusting = TyrusSocketPort.builder().sslContext(VertxTestServer.trustingClientContext()).build()) {
            SocketConnection connection = trusting.connect(
                    request(tls.ws("/?token=" + TOKEN), MAX_MESSAGE, Duration.ofSeconds(5)), listener).get(10, TimeUnit.SECONDS);

            connection.sendText("over tls");

            assertThat(listener.next(Text.class).text()).isEqualTo("over tls");
            connection.close(1000, "");
        }
    }

    @Test
    void wss_to_an_untrusted_certificate_fails_with_the_default_trust() throws Exception {
        try (VertxTestServer tls = VertxTestServer.tls()) {
            // Building the certificate path against the JDK's cacerts can be slow on a busy machine.
            Throwable failure = failureOf(port.connect(
                    request(tls.ws("/?token=" + TOKEN), MAX_MESSAGE, Duration.ofSeconds(30)), listener), Duration.ofSeconds(40));

            assertThat(failure).hasMessageContaining("SSL handshake has failed");
            assertNoTokenIn(failure);
            assertThat(listener.terminalCount()).isZero();
        }
    }

    @Test
    void a_close_just_before_the_port_closes_still_reaches_the_server() throws Exception {
        CompletableFuture<Short> serverSaw = new CompletableFuture<>();
        server.onWebSocket(ws -> ws.closeHandler(v -> serverSaw.complete(ws.closeStatusCode())));
        SocketConnection connection = connect(server.ws("/?token=" + TOKEN));

        // What JvqClient.close() does: close the connection, then the port.
        connection.close(1000, "client closed");
        port.close();

        assertThat(serverSaw.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1000);
        assertThat(listener.terminal()).isEqualTo(new Closed(1000, "client closed"));
        listener.assertQuietFor(QUIET);
    }

    @Test
    void only_ws_and_wss_are_accepted() {
        Throwable failure = failureOf(port.connect(
                request(URI.create("http://127.0.0.1:1/?token=" + TOKEN), MAX_MESSAGE, Duration.ofSeconds(1)), listener));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws://");
        assertNoTokenIn(failure);
    }

    // ---- helpers -----------------------------------------------------------------------------

    SocketConnection connect(URI uri) throws Exception {
        return connect(uri, request(uri, MAX_MESSAGE, Duration.ofSeconds(5)));
    }

    SocketConnection connect(URI uri, SocketRequest request) throws Exception {
        return port.connect(request, listener).get(10, TimeUnit.SECONDS);
    }

    static SocketRequest request(URI uri, int maxMessageBytes, Duration connectTimeout) {
        return new SocketRequest(uri, connectTimeout, maxMessageBytes);
    }

    static Throwable failureOf(CompletableFuture<?> future) {
        return failureOf(future, Duration.ofSeconds(10));
    }

    static Throwable failureOf(CompletableFuture<?> future, Duration wait) {
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected the future to fail, got " + e, e);
        }
        throw new AssertionError("expected the future to fail, it succeeded");
    }

    static void assertNoTokenIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(TOKEN);
            assertThat(Arrays.toString(t.getSuppressed())).doesNotContain(TOKEN);
        }
    }

    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8));
        }
        return bytes;
    }
}
