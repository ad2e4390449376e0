package io.jvq.transport.tyrus;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketRequest;
import io.jvq.testkit.port.RecordingSocketListener;
import io.jvq.testkit.port.RecordingSocketListener.Closed;
import io.jvq.testkit.port.RecordingSocketListener.Failed;
import io.jvq.testkit.port.RecordingSocketListener.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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
    void closeCalledFromInsideACallbackDoesNotReenterTheListener() throws Exception {
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
    void listenerCallsComeFromTheConnectionSSelectorThreadWithoutAHandOff() throws Exception {
        // The server echoes: every message comes after the upgrade (one that shares the upgrade
        // response's read is still handled where that read was, on a worker).
        SocketConnection connection = connect(server.ws("/?token=" + TOKEN));
        for (int i = 0; i < 50; i++) {
            connection.sendText("m" + i);
        }

        for (int i = 0; i < 50; i++) {
            assertThat(listener.next(Text.class).text()).isEqualTo("m" + i);
        }
        // One thread, Grizzly's selector: no hand-off to the worker pool per message.
        assertThat(listener.threadNames).hasSize(50).containsOnly(listener.threadNames.get(0));
        assertThat(listener.threadNames.get(0)).contains("SelectorRunner");
        listener.assertContractHeld();
    }

    @Test
    void closingThePortDropsOpenConnectionsAndRefusesNewOnes() throws Exception {
        connect(server.ws("/?token=" + TOKEN));

        port.close();

        assertThat(listener.terminal()).isInstanceOf(Failed.class);
        assertThat(failureOf(port.connect(request(server.ws("/"), MAX_MESSAGE, Duration.ofSeconds(1)), listener)))
                .isInstanceOf(IllegalStateException.class);
        listener.assertContractHeld();
    }

    @Test
    void wssWorksWithAGivenSslContext() throws Exception {
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
    void wssToAnUntrustedCertificateFailsWithTheDefaultTrust() throws Exception {
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
    void aCloseJustBeforeThePortClosesStillReachesTheServer() throws Exception {
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
    void onlyWsAndWssAreAccepted() {
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
}
