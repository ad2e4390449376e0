package io.jvq.testkit;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP and WebSocket plumbing of a {@link FakeJvQuant}, on one Vert.x event loop: answers
 * discovery (or its scripted fault), admits or refuses upgrades, and answers each connection's
 * commands. It records what clients did in the {@link FakeState}; the facade reads it there.
 */
final class FakeEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeJvQuant.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private final FakeSettings settings;
    private final FakeState state;
    private final ServerPaths paths;
    private final Vertx vertx;
    private final int port;

    FakeEndpoints(FakeSettings settings, FakeState state) {
        this.settings = settings;
        this.state = state;
        this.paths = new ServerPaths(settings.rotatePaths());
        // One event loop is plenty for a test server and keeps its thread set fixed after start.
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                .setPort(settings.port()).setHttp2ClearTextEnabled(false)
                .setMaxWebSocketMessageSize(settings.maxCommandBytes())
                .setMaxWebSocketFrameSize(settings.maxCommandBytes()));
        server.requestHandler(this::onHttp)
                .webSocketHandshakeHandler(this::onHandshake)
                .webSocketHandler(this::onWebSocket);
        try {
            this.port = await(server.listen(), START_TIMEOUT, "listening on 127.0.0.1:" + settings.port()).actualPort();
        } catch (RuntimeException e) {
            awaitQuietly(vertx.close(), CLOSE_TIMEOUT);
            throw e;
        }
        LOG.info("fake jvQuant listening on 127.0.0.1:{} (market {}, path rotation {})", port, settings.market(),
                paths.rotates() ? "on" : "off");
    }

    int port() {
        return port;
    }

    /** The one event loop: every connection's, so a task on it writes to any of them without a hand-off. */
    EventLoop eventLoop() {
        return ((VertxInternal) vertx).nettyEventLoopGroup().next();
    }

    /** A fresh path for one upgrade (the fixed one without rotation). */
    String issuePath() {
        return paths.issue();
    }

    /** Closes the port, every connection and the event loop. */
    @Override
    public void close() {
        awaitQuietly(vertx.close(), CLOSE_TIMEOUT);
    }

    // ---------------------------------------------------------------- discovery

    private void onHttp(HttpServerRequest request) {
        if (!FakeJvQuant.DISCOVERY_PATH.equals(request.path())) {
            request.response().setStatusCode(404).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("fake jvQuant: no such endpoint " + request.path() + "; discovery is GET "
                            + FakeJvQuant.DISCOVERY_PATH);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            request.response().setStatusCode(405).putHeader("allow", "GET").end();
            return;
        }
        int n = state.discoveries.incrementAndGet();
        state.changed();
        DiscoveryFault fault = state.discoveryFaults.poll();
        if (fault == null) {
            answerDiscovery(request);
        } else {
            LOG.info("discovery #{}: scripted fault {}", n, fault);
            failDiscovery(request, fault);
        }
    }

    private void answerDiscovery(HttpServerRequest request) {
        String givenToken = request.getParam("token");
        String givenMarket = request.getParam("market");
        String givenType = request.getParam("type");
        JsonObject reply;
        if (!settings.token().equals(givenToken)) {
            reply = refusal(DiscoveryCodes.BAD_TOKEN, givenToken == null ? "token is missing" : "invalid token");
        } else if (!settings.market().equals(givenMarket)) {
            reply = refusal(DiscoveryCodes.BAD_MARKET, "unknown market '" + givenMarket + "'; this server serves '"
                    + settings.market() + "'");
        } else if (!"websocket".equals(givenType)) {
            reply = refusal(DiscoveryCodes.BAD_TYPE, "unknown type '" + givenType + "'; expected 'websocket'");
        } else {
            String server = "127.0.0.1:" + port + "/" + paths.issue();
            reply = new JsonObject().put("code", DiscoveryCodes.OK)
                    .put("server", settings.advertiseScheme() ? "ws://" + server : server);
        }
        if (!reply.getString("code").equals(DiscoveryCodes.OK)) {
            LOG.info("discovery refused: {}", reply.getString("message"));
        }
        sendJson(request, 200, reply.encode());
    }

    private static JsonObject refusal(String code, String message) {
        return new JsonObject().put("code", code).put("message", message);
    }

    private void failDiscovery(HttpServerRequest request, DiscoveryFault fault) {
        if (fault instanceof DiscoveryFault.HttpStatus status) {
            request.response().setStatusCode(status.status()).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("fake jvQuant: scripted HTTP " + status.status());
        } else if (fault instanceof DiscoveryFault.GarbageJson) {
            sendJson(request, 200, DiscoveryFault.GarbageJson.BODY);
        } else if (fault instanceof DiscoveryFault.SlowReply slow) {
            vertx.setTimer(Math.max(1, slow.delay().toMillis()), id -> {
                if (!request.response().closed() && !request.response().ended()) {
                    answerDiscovery(request);
                }
            });
        } else if (fault instanceof DiscoveryFault.Busy) {
            sendJson(request, 200, refusal(DiscoveryCodes.BUSY, DiscoveryFault.Busy.MESSAGE).encode());
        } else {
            sendJson(request, 200, refusal(DiscoveryCodes.REFUSED, "refused by the test script").encode());
        }
    }

    private static void sendJson(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(body);
    }

    // ---------------------------------------------------------------- WebSocket

    private void onHandshake(ServerWebSocketHandshake handshake) {
        String path = handshake.path().startsWith("/") ? handshake.path().substring(1) : handshake.path();
        ServerPaths.Admission admission = paths.check(path);
        if (admission == ServerPaths.Admission.UNKNOWN) {
            refuse(handshake, 404, "unknown path /" + path);
        } else if (admission == ServerPaths.Admission.ALREADY_USED) {
            refuse(handshake, 410, "path /" + path + " was already used; ask discovery for a fresh one");
        } else if (!settings.token().equals(queryParameter(handshake.query(), "token"))) {
            refuse(handshake, 401, "missing or wrong token on /" + path);
        } else if (!paths.consume(path)) {
            refuse(handshake, 410, "path /" + path + " was just used by another upgrade");
        } else {
            handshake.accept();
        }
    }

    private void refuse(ServerWebSocketHandshake handshake, int status, String why) {
        LOG.info("WebSocket upgrade refused with HTTP {}: {}", status, why);
        state.refusedUpgrades.incrementAndGet();
        handshake.reject(status);
        state.changed();
    }

    private void onWebSocket(ServerWebSocket socket) {
        int id = state.acceptedConnections.incrementAndGet();
        String path = socket.path();
        FakeConnection connection = new FakeConnection(id, socket);
        socket.textMessageHandler(text -> onCommand(connection, text));
        socket.binaryMessageHandler(bytes -> {
            LOG.info("connection #{} sent a binary frame of {} bytes; answered with an error", id, bytes.length());
            connection.sendText(SubscriptionCommands.ERROR_PREFIX
                    + "binary frames are not commands; send add=, del=, all= or list as text");
        });
        socket.closeHandler(v -> {
            connection.markClosed();
            state.connections.remove(id);
            LOG.debug("connection #{} closed", id);
            state.changed();
        });
        socket.exceptionHandler(e -> LOG.debug("connection #{}: {}", id, e.toString()));
        state.connections.put(id, connection);
        if (settings.welcome() != null) {
            connection.sendText(settings.welcome());
        }
        LOG.debug("connection #{} accepted on {}", id, path);
        state.changed();
    }

    private void onCommand(FakeConnection connection, String text) {
        String reply = connection.apply(text);
        LOG.debug("connection #{}: '{}' -> '{}'", connection.id, SubscriptionCommands.printable(text), reply);
        connection.sendText(reply);
        state.commands.add(new ClientCommand(connection.id, text));
        state.changed();
    }

    // ---------------------------------------------------------------- helpers

    /** The decoded value of query parameter {@code name}, or {@code null}. */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fake jvQuant failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("fake jvQuant: timed out after " + timeout + " " + what, e);
        }
    }

    private static void awaitQuietly(Future<?> future, Duration timeout) {
        try {
            await(future, timeout, "closing");
        } catch (IllegalStateException e) {
            LOG.warn("fake jvQuant: {}", e.getMessage());
        }
    }
}
