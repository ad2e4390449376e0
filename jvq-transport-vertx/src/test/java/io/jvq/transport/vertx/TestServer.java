package io.jvq.transport.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A small WebSocket + HTTP server on 127.0.0.1 and an ephemeral port, for testing the adapters
 * without the session engine: each accepted WebSocket is handed to the test, each HTTP request
 * goes to whatever handler the test set.
 */
final class TestServer implements AutoCloseable {
    static final String TOKEN = "s3cr3t-t0ken-4711";

    private final HttpServer server;
    private final BlockingQueue<ServerWebSocket> accepted = new LinkedBlockingQueue<>();
    private final BlockingQueue<HttpServerRequest> requests = new LinkedBlockingQueue<>();
    private volatile Consumer<ServerWebSocket> onAccept = ws -> { };
    private volatile Consumer<ServerWebSocketHandshake> onHandshake = ServerWebSocketHandshake::accept;
    private volatile Consumer<HttpServerRequest> onRequest = request -> request.response().setStatusCode(404).end();
    final boolean tls;

    private TestServer(Vertx vertx, boolean tls) {
        this.tls = tls;
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setMaxWebSocketMessageSize(16 * 1024 * 1024);
        if (tls) {
            options.setSsl(true).setKeyCertOptions(new KeyStoreOptions()
                    .setType("PKCS12").setValue(resource("tls-server.p12")).setPassword("changeit"));
        }
        server = vertx.createHttpServer(options)
                .webSocketHandshakeHandler(handshake -> onHandshake.accept(handshake))
                .webSocketHandler(ws -> {
                    accepted.add(ws);
                    onAccept.accept(ws);
                })
                .requestHandler(request -> {
                    requests.add(request);
                    onRequest.accept(request);
                });
        await(server.listen().toCompletionStage().toCompletableFuture());
    }

    static TestServer start(Vertx vertx) {
        return new TestServer(vertx, false);
    }

    static TestServer startTls(Vertx vertx) {
        return new TestServer(vertx, true);
    }

    /** Trust for the test server's self-signed certificate (CN=localhost, SAN 127.0.0.1). */
    static TrustOptions trust() {
        return new PemTrustOptions().addCertValue(resource("tls-server-cert.pem"));
    }

    int port() {
        return server.actualPort();
    }

    String wsUri(String path) {
        return (tls ? "wss" : "ws") + "://127.0.0.1:" + port() + path + (path.contains("?") ? "&" : "?")
                + "token=" + TOKEN;
    }

    String httpUri(String path) {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    /** What the server does with each WebSocket as soon as it is accepted (on the server's event loop). */
    void onAccept(Consumer<ServerWebSocket> action) {
        this.onAccept = action;
    }

    void onHandshake(Consumer<ServerWebSocketHandshake> action) {
        this.onHandshake = action;
    }

    void onRequest(Consumer<HttpServerRequest> action) {
        this.onRequest = action;
    }

    ServerWebSocket takeWebSocket() throws InterruptedException {
        ServerWebSocket ws = accepted.poll(30, TimeUnit.SECONDS);
        if (ws == null) {
            throw new AssertionError("no WebSocket accepted within 30 s");
        }
        return ws;
    }

    HttpServerRequest takeRequest() throws InterruptedException {
        HttpServerRequest request = requests.poll(30, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no HTTP request within 30 s");
        }
        return request;
    }

    static Buffer resource(String name) {
        try (InputStream in = TestServer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        await(server.close().toCompletionStage().toCompletableFuture());
    }
}
