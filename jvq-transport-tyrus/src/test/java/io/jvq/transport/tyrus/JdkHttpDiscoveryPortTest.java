package io.jvq.transport.tyrus;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JdkHttpDiscoveryPortTest {
    static final String TOKEN = "tok-S3cr3t-9f8e7d";

    VertxTestServer server;
    JdkHttpDiscoveryPort port;

    @BeforeEach
    void start() throws Exception {
        server = VertxTestServer.plain();
        port = JdkHttpDiscoveryPort.create();
    }

    @AfterEach
    void stop() throws Exception {
        port.close();
        server.close();
    }

    @Test
    void reads_code_and_server_and_keeps_the_body() throws Exception {
        String body = "{\"code\":\"0\",\"server\":\"127.0.0.1:9000/quotes\"}";
        server.onRequest(request -> request.response().putHeader("Content-Type", "application/json").end(body));

        DiscoveryReply reply = discover(server.http("/server"));

        assertThat(reply).isEqualTo(new DiscoveryReply("0", "127.0.0.1:9000/quotes", body));
        assertThat(reply.ok()).isTrue();
        assertThat(server.nextRequestUri()).isEqualTo("/server?market=ab&type=websocket&token=" + TOKEN);
    }

    @Test
    void accepts_the_code_as_a_number() throws Exception {
        server.onRequest(request -> request.response().end("{\"code\":0,\"server\":\"ws://1.2.3.4:80/x\"}"));

        DiscoveryReply reply = discover(server.http("/server"));

        assertThat(reply.code()).isEqualTo("0");
        assertThat(reply.server()).isEqualTo("ws://1.2.3.4:80/x");
    }

    @Test
    void passes_a_refusal_on_to_the_core_with_its_body() throws Exception {
        String body = "{\"code\":\"-1\",\"msg\":\"token expired\"}";
        server.onRequest(request -> request.response().end(body));

        DiscoveryReply reply = discover(server.http("/server"));

        assertThat(reply).isEqualTo(new DiscoveryReply("-1", null, body));
        assertThat(reply.ok()).isFalse();
    }

    @Test
    void keeps_a_query_already_in_the_base_url() throws Exception {
        server.onRequest(request -> request.response().end("{\"code\":\"0\",\"server\":\"h:1/p\"}"));

        discover(server.http("/query/server?src=jvq"));

        assertThat(server.nextRequestUri())
                .isEqualTo("/query/server?src=jvq&market=ab&type=websocket&token=" + TOKEN);
    }

    @Test
    void an_http_error_names_the_status_and_shows_the_body_without_the_token() throws Exception {
        server.onRequest(request -> request.response().setStatusCode(500)
                .end("internal error while checking token=" + TOKEN + " (raw: " + TOKEN + ")"));

        DiscoveryException failure = failureOf(discover(server.http("/server"), Duration.ofSeconds(5)));

        assertThat(failure).hasMessageContaining("HTTP 500")
                .hasMessageContaining("internal error while checking token=***")
                .hasMessageContaining("/server?market=ab&type=websocket&token=***");
        assertNoTokenIn(failure);
    }

    @Test
    void a_long_error_body_is_cut() throws Exception {
        server.onRequest(request -> request.response().setStatusCode(503).end("x".repeat(100_000)));

        DiscoveryException failure = failureOf(discover(server.http("/server"), Duration.ofSeconds(5)));

        assertThat(failure).hasMessageContaining("HTTP 503");
        assertThat(failure.getMessage().length()).isLessThan(400);
    }

    @Test
    void a_body_that_is_not_json_is_reported_as_such() throws Exception {
        server.onRequest(request -> request.response().end("<html>gateway says hello</html>"));

        DiscoveryException failure = failureOf(discover(server.http("/server"), Duration.ofSeconds(5)));

        assertThat(failure).hasMessageContaining("is not JSON").hasMessageContaining("<html>gateway says hello</html>");
        assertNoTokenIn(failure);
    }

    @Test
    void an_empty_body_is_not_json() throws Exception {
        server.onRequest(request -> request.response().end());

        assertThat(failureOf(discover(server.http("/server"), Duration.ofSeconds(5)))).hasMessageContaining("is not JSON");
    }

    @Test
    void json_that_is_not_an_object_is_reported_with_its_type() throws Exception {
        server.onRequest(request -> request.response().end("[\"0\",\"1.2.3.4:80\"]"));

        assertThat(failureOf(discover(server.http("/server"), Duration.ofSeconds(5))))
                .hasMessageContaining("is a JSON array, expected an object");
    }

    @Test
    void a_code_of_the_wrong_type_is_named() throws Exception {
        server.onRequest(request -> request.response().end("{\"code\":true,\"server\":\"h:1/p\"}"));

        assertThat(failureOf(discover(server.http("/server"), Duration.ofSeconds(5))))
                .hasMessageContaining("\"code\" as a JSON true, expected a string or a number");
    }

    @Test
    void a_server_of_the_wrong_type_is_named() throws Exception {
        server.onRequest(request -> request.response().end("{\"code\":\"0\",\"server\":[1]}"));

        assertThat(failureOf(discover(server.http("/server"), Duration.ofSeconds(5))))
                .hasMessageContaining("\"server\" as a JSON array, expected a string");
    }

    @Test
    void a_reply_without_a_code_is_refused() throws Exception {
        server.onRequest(request -> request.response().end("{\"server\":\"h:1/p\"}"));

        assertThat(failureOf(discover(server.http("/server"), Duration.ofSeconds(5))))
                .hasMessageContaining("has no \"code\"");
    }

    @Test
    void a_server_that_never_answers_times_out() throws Exception {
        server.onRequest(request -> {
            // never answers
        });
        long started = System.nanoTime();

        DiscoveryException failure = failureOf(discover(server.http("/server"), Duration.ofMillis(300)));

        assertThat(failure).hasMessageContaining("timed out after 300 ms");
        assertNoTokenIn(failure);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_body_that_never_ends_times_out() throws Exception {
        server.onRequest(request -> request.response().setChunked(true).write("{\"code\":"));

        DiscoveryException failure = failureOf(discover(server.http("/server"), Duration.ofMillis(300)));

        assertThat(failure).hasMessageContaining("timed out after 300 ms");
    }

    @Test
    void a_reply_larger_than_the_limit_is_refused() throws Exception {
        try (JdkHttpDiscoveryPort small = JdkHttpDiscoveryPort.builder().maxBodyBytes(100).build()) {
            server.onRequest(request -> request.response().end("{\"code\":\"0\",\"pad\":\"" + "x".repeat(500) + "\"}"));

            DiscoveryException failure = failureOf(small.discover(request(server.http("/server"), Duration.ofSeconds(5))));

            assertThat(failure).hasMessageContaining("larger than 100 bytes");
        }
    }

    @Test
    void a_refused_connection_fails_without_the_token() throws Exception {
        URI nobody;
        try (RawSocketServer gone = RawSocketServer.silent()) {
            nobody = URI.create(gone.ws("/server").toString().replace("ws://", "http://"));
        }

        DiscoveryException failure = failureOf(discover(nobody, Duration.ofSeconds(5)));

        assertThat(failure).hasMessageContaining("failed");
        assertNoTokenIn(failure);
    }

    @Test
    void https_works_with_a_given_ssl_context() throws Exception {
        try (VertxTestServer tls = VertxTestServer.tls();
             JdkHttpDiscoveryPort trusting = JdkHttpDiscoveryPort.builder()
                     .sslContext(VertxTestServer.trustingClientContext()).build()) {
            tls.onRequest(request -> request.response().end("{\"code\":\"0\",\"server\":\"h:1/p\"}"));

            DiscoveryReply reply = trusting.discover(request(tls.http("/server"), Duration.ofSeconds(5)))
                    .get(10, TimeUnit.SECONDS);

            assertThat(reply.server()).isEqualTo("h:1/p");
        }
    }

    @Test
    void https_to_an_untrusted_certificate_fails_with_the_default_trust() throws Exception {
        try (VertxTestServer tls = VertxTestServer.tls()) {
            tls.onRequest(request -> request.response().end("{\"code\":\"0\"}"));

            DiscoveryException failure = failureOf(discover(tls.http("/server"), Duration.ofSeconds(5)));

            assertThat(failure).hasMessageContaining("failed");
            assertNoTokenIn(failure);
        }
    }

    @Test
    void a_closed_port_refuses_calls() throws Exception {
        port.close();
        port.close();

        assertThat(failureOf(discover(server.http("/server"), Duration.ofSeconds(1)))).hasMessageContaining("closed");
    }

    @Test
    void only_http_and_https_are_accepted() throws Exception {
        assertThat(failureOf(discover(URI.create("ftp://127.0.0.1/server"), Duration.ofSeconds(1))))
                .hasMessageContaining("http:// or https://");
    }

    // ---- helpers -----------------------------------------------------------------------------

    DiscoveryReply discover(URI baseUrl) throws Exception {
        return discover(baseUrl, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
    }

    CompletableFuture<DiscoveryReply> discover(URI baseUrl, Duration timeout) {
        return port.discover(request(baseUrl, timeout));
    }

    static DiscoveryRequest request(URI baseUrl, Duration timeout) {
        return new DiscoveryRequest(baseUrl, "ab", "websocket", Token.of(TOKEN), timeout);
    }

    static DiscoveryException failureOf(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DiscoveryException.class);
            return (DiscoveryException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected the discovery to fail, got " + e, e);
        }
        throw new AssertionError("expected the discovery to fail, it succeeded");
    }

    static void assertNoTokenIn(Throwable failure) {
        TyrusSocketPortTest.assertNoTokenIn(failure);
    }
}
