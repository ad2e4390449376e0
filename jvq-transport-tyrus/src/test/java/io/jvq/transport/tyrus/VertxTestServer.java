package io.jvq.transport.tyrus;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.PfxOptions;

import java.io.InputStream;
import java.net.URI;
import java.security.KeyStore;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A scriptable WebSocket + HTTP server on 127.0.0.1 and an ephemeral port, for testing the adapters
 * directly. Each test sets what the server does with {@link #onWebSocket}, {@link #onHandshake}
 * and {@link #onRequest}; the server records the request URIs it saw.
 */
final class VertxTestServer implements AutoCloseable {
    /** A self-signed certificate for 127.0.0.1 and localhost (valid for 100 years), password {@code changeit}. */
    static final String KEYSTORE = "/tls/localhost.p12";
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Vertx vertx;
    private final HttpServer server;
    private final boolean tls;
    final BlockingQueue<String> requestUris = new LinkedBlockingQueue<>();
    private volatile Handler<ServerWebSocket> webSocketHandler = ws -> ws.textMessageHandler(ws::writeTextMessage);
    private volatile Handler<ServerWebSocketHandshake> handshakeHandler = ServerWebSocketHandshake::accept;
    private volatile Handler<HttpServerRequest> requestHandler = request -> request.response().setStatusCode(404).end();

    private VertxTestServer(boolean tls) throws Exception {
        this.tls = tls;
        this.vertx = Vertx.vertx();
        HttpServerOptions options = new HttpServerOptions()
                .setMaxWebSocketFrameSize(16 * 1024 * 1024)
                .setMaxWebSocketMessageSize(16 * 1024 * 1024);
        if (tls) {
            byte[] keystore;
            try (InputStream in = VertxTestServer.class.getResourceAsStream(KEYSTORE)) {
                keystore = in.readAllBytes();
            }
            options.setSsl(true).setKeyCertOptions(new PfxOptions()
                    .setValue(io.vertx.core.buffer.Buffer.buffer(keystore)).setPassword("changeit"));
        }
        this.server = vertx.createHttpServer(options)
                .webSocketHandshakeHandler(handshake -> {
                    requestUris.add(handshake.uri());
                    handshakeHandler.handle(handshake);
                })
                .webSocketHandler(ws -> webSocketHandler.handle(ws))
                .requestHandler(request -> {
                    requestUris.add(request.uri());
                    requestHandler.handle(request);
                });
        await(server.listen(0, "127.0.0.1"));
    }

    static VertxTestServer plain() throws Exception {
        return new VertxTestServer(false);
    }

    static VertxTestServer tls() throws Exception {
        return new VertxTestServer(true);
    }

    VertxTestServer onWebSocket(Handler<ServerWebSocket> handler) {
        this.webSocketHandler = handler;
        return this;
    }

    VertxTestServer onHandshake(Handler<ServerWebSocketHandshake> handler) {
        this.handshakeHandler = handler;
        return this;
    }

    VertxTestServer onRequest(Handler<HttpServerRequest> handler) {
        this.requestHandler = handler;
        return this;
    }

    int port() {
        return server.actualPort();
    }

    /** {@code ws://127.0.0.1:<port><pathAndQuery>} ({@code wss://} for a TLS server). */
    URI ws(String pathAndQuery) {
        return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + port() + pathAndQuery);
    }

    /** {@code http://127.0.0.1:<port><pathAndQuery>} ({@code https://} for a TLS server). */
    URI http(String pathAndQuery) {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port() + pathAndQuery);
    }

    String nextRequestUri() throws InterruptedException {
        String uri = requestUris.poll(10, TimeUnit.SECONDS);
        if (uri == null) {
            throw new AssertionError("the server saw no request");
        }
        return uri;
    }

    /** A client context that trusts exactly the test certificate. */
    static SSLContext trustingClientContext() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = VertxTestServer.class.getResourceAsStream(KEYSTORE)) {
            keyStore.load(in, PASSWORD);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        // no InterruptedException in the signature: javac's try lint warns of it on an AutoCloseable
        try {
            await(vertx.close());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the test server", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
