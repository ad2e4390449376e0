package io.jvq.testkit.port;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.core.wire.DiscoveryReplies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link DiscoveryPort} must do, whatever the HTTP client under it: extend this class
 * and return a fresh port from {@link #createPort()}. The server is a {@link RawServer}, so each
 * test writes the HTTP reply byte by byte. What a reply means is core's
 * ({@link DiscoveryReplies}); this suite checks that every transport hands core the same bytes
 * and reports the same failures.
 */
public abstract class DiscoveryPortContract {
    protected static final String TOKEN = "SeCrEtToKeN0123456789abcdef";
    private static final long WAIT_SECONDS = 10;

    private DiscoveryPort port;

    /** A new, open port; the suite closes it after each test. */
    protected abstract DiscoveryPort createPort();

    @BeforeEach
    void startContract() {
        port = createPort();
    }

    @AfterEach
    void stopContract() {
        port.close();
    }

    @Test
    void asksWithMarketTypeAndTokenAndKeepsTheWholeReply() throws Exception {
        String body = "{\"code\":\"0\",\"server\":\"127.0.0.1:9000/abc\",\"extra\":[1,{\"a\":null}]}";
        try (RawServer server = RawServer.http(200, body)) {
            DiscoveryReply reply = discover(server, "/server");

            assertEquals(new DiscoveryReply("0", "127.0.0.1:9000/abc", body), reply);
            assertEquals("GET /server?market=ab&type=websocket&token=" + TOKEN + " HTTP/1.1",
                    server.requestLines().poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aNumericCodeIsReadAsItsPlainDigits() throws Exception {
        for (String code : new String[] {"0", "0.0", "-0", "0e3"}) {
            try (RawServer server = RawServer.http(200, "{\"code\":" + code + ",\"server\":\"h:1/p\"}")) {
                assertEquals("0", discover(server, "/server").code(), "code " + code);
            }
        }
        try (RawServer server = RawServer.http(200, "{\"code\":-1.50}")) {
            assertEquals("-1.5", discover(server, "/server").code());
        }
    }

    @Test
    void aRefusalIsPassedOnForCoreToJudgeWithItsBody() throws Exception {
        String body = "{\"code\":\"-1\",\"msg\":\"token expired\"}";
        try (RawServer server = RawServer.http(200, body)) {
            DiscoveryReply reply = discover(server, "/server");

            assertEquals("-1", reply.code());
            assertNull(reply.server());
            assertEquals(body, reply.body());
            assertFalse(reply.ok());
        }
    }

    @Test
    void aChunkedBodyIsJoined() throws Exception {
        try (RawServer server = RawServer.scripted(peer -> {
            peer.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n");
            peer.write("8\r\n{\"code\":\r\n");
            Thread.sleep(50);
            peer.write("15\r\n\"0\",\"server\":\"h:1/p\"}\r\n0\r\n\r\n");
        })) {
            assertEquals(new DiscoveryReply("0", "h:1/p", "{\"code\":\"0\",\"server\":\"h:1/p\"}"),
                    discover(server, "/server"));
        }
    }

    @Test
    void anHttpErrorNamesTheStatusAndQuotesTheBodyWithoutTheTokenEvenBare() throws Exception {
        try (RawServer server = RawServer.http(500, "token " + TOKEN + " broke us")) {
            DiscoveryException failure = failure(server, "/server");

            assertTrue(failure.getMessage().contains("HTTP 500"), failure.getMessage());
            assertTrue(failure.getMessage().contains("broke us"), failure.getMessage());
            assertNoTokenIn(failure);
        }
    }

    @Test
    void aRedirectIsNotFollowedAndTheTokenGoesNowhereElse() throws Exception {
        try (RawServer elsewhere = RawServer.http(200, "{\"code\":\"0\",\"server\":\"h:1/p\"}");
             RawServer server = RawServer.scripted(peer -> peer.respond(302, "",
                     "Location: " + elsewhere.uri("http", "/stolen") + "\r\n"))) {
            DiscoveryException failure = failure(server, "/server");

            assertTrue(failure.getMessage().contains("HTTP 302"), failure.getMessage());
            assertTrue(failure.getMessage().contains("redirect"), failure.getMessage());
            assertNull(elsewhere.requestLines().poll(200, TimeUnit.MILLISECONDS), "the redirect was followed");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsNamedAsSuch() throws Exception {
        try (RawServer server = RawServer.http(200, "<html>maintenance</html>")) {
            DiscoveryException failure = failure(server, "/server");

            assertTrue(failure.getMessage().contains("not JSON"), failure.getMessage());
            assertTrue(failure.getMessage().contains("<html>maintenance</html>"), failure.getMessage());
        }
    }

    @Test
    void jsonThatIsNotAnObjectOrHasFieldsOfTheWrongKindIsNamed() throws Exception {
        assertFailsNaming("[1,2]", "not an object");
        assertFailsNaming("{\"code\":true}", "\"code\" that is a boolean");
        assertFailsNaming("{\"code\":\"0\",\"server\":42}", "\"server\" that is a number");
        assertFailsNaming("", "not JSON");
    }

    @Test
    void aBodyOverTheCapIsRefusedWhetherAnnouncedOrChunked() throws Exception {
        String huge = "{\"code\":\"0\",\"pad\":\"" + "x".repeat(DiscoveryReplies.MAX_BODY_BYTES) + "\"}";
        try (RawServer server = RawServer.http(200, huge)) {
            assertTrue(failure(server, "/server").getMessage().contains("over " + DiscoveryReplies.MAX_BODY_BYTES + " bytes"));
        }
        try (RawServer server = RawServer.scripted(peer -> {
            peer.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 100; i++) {
                peer.write("400\r\n" + "x".repeat(1024) + "\r\n");
            }
            peer.write("0\r\n\r\n");
        })) {
            assertTrue(failure(server, "/server").getMessage().contains("over " + DiscoveryReplies.MAX_BODY_BYTES + " bytes"));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (RawServer server = RawServer.silent()) {
            DiscoveryException failure = failure(server, "/server", Duration.ofMillis(300));

            assertTrue(failure.getMessage().contains("timed out after 300 ms"), failure.getMessage());
            assertTrue(failure.getMessage().contains("token=***"), failure.getMessage());
            assertNoTokenIn(failure);
        }
    }

    @Test
    void aBodyThatNeverEndsTimesOut() throws Exception {
        try (RawServer server = RawServer.scripted(peer -> {
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"code\":");
            Thread.sleep(5_000);
        })) {
            DiscoveryException failure = failure(server, "/server", Duration.ofMillis(300));

            assertTrue(failure.getMessage().contains("timed out after 300 ms"), failure.getMessage());
        }
    }

    @Test
    void nothingListeningFailsWithoutTheToken() throws Exception {
        RawServer gone = RawServer.silent();
        gone.close();

        DiscoveryException failure = failure(gone, "/server");

        assertTrue(failure.getMessage().contains("failed"), failure.getMessage());
        assertNoTokenIn(failure);
    }

    @Test
    void aUrlThatIsNotHttpFailsWithoutACall() throws Exception {
        DiscoveryException failure = failureOf(port.discover(request(URI.create("ftp://127.0.0.1/server"),
                Duration.ofSeconds(5))));

        assertTrue(failure.getMessage().contains("http://"), failure.getMessage());
    }

    @Test
    void aClosedPortRefusesCalls() throws Exception {
        try (RawServer server = RawServer.http(200, "{\"code\":\"0\"}")) {
            port.close();

            DiscoveryException failure = failureOf(port.discover(request(server.uri("http", "/server"),
                    Duration.ofSeconds(5))));

            assertTrue(failure.getMessage().contains("closed"), failure.getMessage());
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void assertFailsNaming(String body, String expected) throws Exception {
        try (RawServer server = RawServer.http(200, body)) {
            DiscoveryException failure = failure(server, "/server");
            assertTrue(failure.getMessage().contains(expected), "expected \"" + expected + "\" in " + failure.getMessage());
        }
    }

    private DiscoveryReply discover(RawServer server, String path) throws Exception {
        return port.discover(request(server.uri("http", path), Duration.ofSeconds(5))).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private DiscoveryException failure(RawServer server, String path) {
        return failure(server, path, Duration.ofSeconds(5));
    }

    private DiscoveryException failure(RawServer server, String path, Duration timeout) {
        return failureOf(port.discover(request(server.uri("http", path), timeout)));
    }

    private static DiscoveryRequest request(URI base, Duration timeout) {
        return new DiscoveryRequest(base, "ab", "websocket", Token.of(TOKEN), timeout);
    }

    private static DiscoveryException failureOf(CompletableFuture<DiscoveryReply> call) {
        try {
            DiscoveryReply reply = call.get(WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected the call to fail, it answered " + reply);
        } catch (ExecutionException e) {
            return assertInstanceOf(DiscoveryException.class, e.getCause());
        } catch (Exception e) {
            throw new AssertionError("expected the call to fail, got " + e, e);
        }
    }

    private static void assertNoTokenIn(Throwable failure) {
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        assertFalse(printed.toString().contains(TOKEN), "the token leaked: " + printed);
    }
}
