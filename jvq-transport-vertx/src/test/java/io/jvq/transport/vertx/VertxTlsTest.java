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
import java.util.concurrent.TimeUnit;

import static io.jvq.transport.vertx.SecretChecks.assertNoToken;
import static io.jvq.transport.vertx.TestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code wss://} and {@code https://}: the JVM's trust by default, the builder's TrustOptions when given. */
class VertxTlsTest {
    private static Vertx vertx;
    private static TestServer server;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = TestServer.startTls(vertx);
        server.onAccept(ws -> ws.writeTextMessage("over tls"));
        server.onRequest(request -> request.response().end("{\"code\":\"0\",\"server\":\"wss://127.0.0.1:1/x\"}"));
    }

    @AfterAll
    static void stop() {
        server.close();
        await(vertx.close().toCompletionStage().toCompletableFuture());
    }

    private static SocketRequest socketRequest() {
        return new SocketRequest(URI.create(server.wsUri("/")), Duration.ofSeconds(30), 1024 * 1024);
    }

    private static DiscoveryRequest discoveryRequest() {
        return new DiscoveryRequest(URI.create(server.httpUri("/server")), "ab", "websocket",
                Token.of(TestServer.TOKEN), Duration.ofSeconds(30));
    }

    @Test
    void connectsOverWssWhenTheCertificateIsTrusted() throws Exception {
        VertxSocketPort port = VertxSocketPort.builder().vertx(vertx).trustOptions(TestServer.trust()).build();
        try {
            RecordingSocketListener listener = new RecordingSocketListener();
            await(port.connect(socketRequest(), listener));
            assertThat(listener.next()).isEqualTo(new Text("over tls"));
        } finally {
            port.close();
        }
    }

    @Test
    void refusesAnUntrustedCertificateByDefault() throws Exception {
        VertxSocketPort port = VertxSocketPort.builder().vertx(vertx).build();
        try {
            Throwable error = port.connect(socketRequest(), new RecordingSocketListener())
                    .handle((ok, e) -> e).get(30, TimeUnit.SECONDS);
            assertThat(error).isNotNull().hasMessageContaining("WebSocket connect to wss://127.0.0.1:");
            assertThat(error.getCause()).hasStackTraceContaining("SSL");
            assertNoToken(error);
        } finally {
            port.close();
        }
    }

    @Test
    void discoversOverHttpsWhenTheCertificateIsTrusted() {
        VertxDiscoveryPort port = VertxDiscoveryPort.builder().vertx(vertx).trustOptions(TestServer.trust()).build();
        try {
            assertThat(await(port.discover(discoveryRequest())).server()).isEqualTo("wss://127.0.0.1:1/x");
        } finally {
            port.close();
        }
    }

    @Test
    void refusesAnUntrustedCertificateForDiscoveryByDefault() throws Exception {
        VertxDiscoveryPort port = VertxDiscoveryPort.builder().vertx(vertx).build();
        try {
            Throwable error = port.discover(discoveryRequest()).handle((ok, e) -> e).get(30, TimeUnit.SECONDS);
            assertThat(error).isNotNull().hasMessageContaining("discovery https://127.0.0.1:");
            assertThat(error).hasStackTraceContaining("SSL");
            assertNoToken(error);
        } finally {
            port.close();
        }
    }
}
