package io.jvq.transport.vertx;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.jvq.transport.vertx.SecretChecks.assertNoToken;
import static io.jvq.transport.vertx.TestServer.TOKEN;
import static io.jvq.transport.vertx.TestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The discovery port against a plain Vert.x HTTP server. */
class VertxDiscoveryPortTest {
    private static Vertx serverVertx;
    private static Vertx clientVertx;
    private TestServer server;
    private VertxDiscoveryPort port;

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
        port = VertxDiscoveryPort.builder().vertx(clientVertx).build();
    }

    @AfterEach
    void stop() {
        port.close();
        server.close();
    }

    private DiscoveryRequest request(String url, Duration timeout) {
        return new DiscoveryRequest(URI.create(url), "ab", "websocket", Token.of(TOKEN), timeout);
    }

    private DiscoveryRequest request() {
        return request(server.httpUri("/server"), Duration.ofSeconds(30));
    }

    private void answer(int status, String body) {
        server.onRequest(request -> request.response().setStatusCode(status).end(body));
    }

    /** The failure of a call that must fail, after checking it holds no token. */
    private DiscoveryException failure(DiscoveryRequest request) throws Exception {
        Throwable error = port.discover(request).handle((reply, e) -> e).get(30, TimeUnit.SECONDS);
        assertThat(error).as("discovery should have failed").isInstanceOf(DiscoveryException.class);
        assertNoToken(error);
        return (DiscoveryException) error;
    }

    @Test
    void asksWithMarketTypeAndTokenAndKeepsTheWholeReply() throws Exception {
        String body = "{\"code\":\"0\",\"server\":\"1.2.3.4:8080/abc\",\"extra\":1}";
        answer(200, body);

        DiscoveryReply reply = await(port.discover(request()));

        assertThat(reply).isEqualTo(new DiscoveryReply("0", "1.2.3.4:8080/abc", body));
        HttpServerRequest asked = server.takeRequest();
        assertThat(asked.path()).isEqualTo("/server");
        assertThat(asked.getParam("market")).isEqualTo("ab");
        assertThat(asked.getParam("type")).isEqualTo("websocket");
        assertThat(asked.getParam("token")).isEqualTo(TOKEN);
    }

    @Test
    void takesANumericCodeAsItsDigits() throws Exception {
        answer(200, "{\"code\":0,\"server\":\"ws://h:1/p\"}");
        assertThat(await(port.discover(request())).code()).isEqualTo("0");

        answer(200, "{\"code\":-1.0}");
        DiscoveryReply refusal = await(port.discover(request()));
        assertThat(refusal.code()).isEqualTo("-1");
        assertThat(refusal.server()).isNull();
        assertThat(refusal.ok()).isFalse();
    }

    @Test
    void passesARefusalOnForTheCoreToJudge() throws Exception {
        String body = "{\"code\":\"-1\",\"msg\":\"token expired\"}";
        answer(200, body);

        assertThat(await(port.discover(request()))).isEqualTo(new DiscoveryReply("-1", null, body));
    }

    @Test
    void failsOnAnHttpErrorNamingTheStatusAndACutBody() throws Exception {
        answer(500, "internal trouble for token=" + TOKEN + " " + "x".repeat(1000));

        DiscoveryException error = failure(request());

        assertThat(error).hasMessageContaining("HTTP 500")
                .hasMessageContaining("\"internal trouble for token=***")
                .hasMessageContaining("(1" /* original length */)
                .hasMessageContaining("/server?market=ab&type=websocket&token=***");
        assertThat(error.getMessage()).hasSizeLessThan(400);
    }

    @Test
    void failsOnARedirectRatherThanFollowIt() throws Exception {
        server.onRequest(request -> request.response().setStatusCode(302)
                .putHeader("Location", server.httpUri("/elsewhere")).end());

        assertThat(failure(request())).hasMessageContaining("HTTP 302").hasMessageContaining("(empty body)");
    }

    @Test
    void failsOnABodyThatIsNotJson() throws Exception {
        answer(200, "<html>gateway</html>");

        assertThat(failure(request())).hasMessageContaining("not JSON").hasMessageContaining("<html>gateway</html>");
    }

    @Test
    void failsOnJsonThatIsNotAnObject() throws Exception {
        answer(200, "[\"0\",\"1.2.3.4:8080\"]");
        assertThat(failure(request())).hasMessageContaining("not an object (an array)");

        answer(200, "\"0\"");
        assertThat(failure(request())).hasMessageContaining("not an object (a string)");
    }

    @Test
    void failsOnFieldsOfTheWrongKind() throws Exception {
        answer(200, "{\"code\":true,\"server\":\"h:1\"}");
        assertThat(failure(request())).hasMessageContaining("\"code\" that is a boolean");

        answer(200, "{\"code\":\"0\",\"server\":{\"host\":\"h\"}}");
        assertThat(failure(request())).hasMessageContaining("\"server\" that is an object");
    }

    @Test
    void failsOnABodyFarTooLargeForAReply() throws Exception {
        answer(200, "{\"code\":\"0\",\"pad\":\"" + "x".repeat(VertxDiscoveryPort.MAX_BODY_BYTES) + "\"}");

        assertThat(failure(request())).hasMessageContaining("body over " + VertxDiscoveryPort.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void timesOutWhenTheServerDoesNotAnswer() throws Exception {
        CompletableFuture<Boolean> connectionDropped = new CompletableFuture<>();
        server.onRequest(request -> request.connection().closeHandler(ignored -> connectionDropped.complete(true)));

        long started = System.nanoTime();
        DiscoveryException error = failure(request(server.httpUri("/server"), Duration.ofMillis(300)));

        assertThat(error).hasMessageContaining("timed out after 300 ms").hasMessageContaining("token=***");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(250L, 8_000L);
        assertThat(await(connectionDropped)).as("the abandoned request is reset").isTrue();
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        DiscoveryException error = failure(request("http://127.0.0.1:" + closedPort + "/server", Duration.ofSeconds(5)));

        assertThat(error).hasMessageContaining("failed").hasMessageContaining("127.0.0.1:" + closedPort);
        assertThat(error.getCause()).isNotNull();
    }

    @Test
    void rejectsAUrlThatIsNotHttp() throws Exception {
        Throwable error = port.discover(request("ftp://127.0.0.1/server", Duration.ofSeconds(1)))
                .handle((reply, e) -> e).get(5, TimeUnit.SECONDS);

        assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// or https://");
        assertNoToken(error);
    }

    @Test
    void refusesToDiscoverOnceClosed() throws Exception {
        port.close();
        port.close();

        Throwable error = port.discover(request()).handle((reply, e) -> e).get(5, TimeUnit.SECONDS);

        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
