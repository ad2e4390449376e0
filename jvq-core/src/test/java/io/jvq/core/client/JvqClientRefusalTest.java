package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.core.event.ConnectionEvent.Refused;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery refusals: the passing ones are retried, the ones a bad token causes stop the client. */
class JvqClientRefusalTest extends ClientTestSupport {

    @Test
    void theDefaultRuleCallsTokenExpiryAndEntitlementRefusalsFatalAndEverythingElseTransient() {
        assertThat(kind("{\"code\":\"1\",\"message\":\"invalid token\"}")).isEqualTo(RefusalClassifier.Kind.FATAL);
        assertThat(kind("{\"code\":\"7\",\"message\":\"account expired\"}")).isEqualTo(RefusalClassifier.Kind.FATAL);
        assertThat(kind("{\"code\":\"8\",\"message\":\"not entitled to level 2\"}"))
                .isEqualTo(RefusalClassifier.Kind.FATAL);
        assertThat(kind("{\"code\":\"1\",\"message\":\"令牌无效\"}")).isEqualTo(RefusalClassifier.Kind.FATAL);
        assertThat(kind("{\"code\":\"1\",\"message\":\"no server free\"}")).isEqualTo(RefusalClassifier.Kind.TRANSIENT);
        assertThat(kind("{\"code\":\"42\"}")).isEqualTo(RefusalClassifier.Kind.TRANSIENT);
        assertThat(kind(null)).isEqualTo(RefusalClassifier.Kind.TRANSIENT);
    }

    private static RefusalClassifier.Kind kind(String body) {
        return RefusalClassifier.DEFAULT.classify(new DiscoveryReply("1", null, body));
    }

    /** The vendor's wordings, read from the decoded reply: the same whether the JSON escapes them or not. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            令牌过期                 | FATAL
            令牌无效                 | FATAL
            密钥无效                 | FATAL
            账号已失效               | FATAL
            用户不存在               | FATAL
            token expired            | FATAL
            invalid token            | FATAL
            该token连接数已达上限    | TRANSIENT
            too many connections for this token | TRANSIENT
            服务器繁忙               | TRANSIENT
            no server free           | TRANSIENT
            """)
    void aRefusalIsClassifiedByItsDecodedMessageEscapedOrNot(String message, RefusalClassifier.Kind expected) {
        String plain = "{\"code\":\"-1\",\"msg\":\"" + message + "\"}";
        String escaped = "{\"code\":\"-1\",\"msg\":\"" + jsonEscaped(message) + "\"}";

        assertThat(kind(plain)).as(plain).isEqualTo(expected);
        assertThat(kind(escaped)).as(escaped).isEqualTo(expected);
    }

    private static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    @Test
    void anEscapedTokenExpiredReplyStopsTheClientAtOnce() {
        discovery.thenRefuse("-1", "{\"code\":\"-1\",\"msg\":\"\\u4ee4\\u724c\\u8fc7\\u671f\"}");
        VirtualScheduler clock = virtualTime();
        client();
        client.start();

        Refused refused = events.await(Refused.class, 1).get(0);
        clock.advance(Duration.ofMinutes(1));
        assertThat(discovery.callCount()).isEqualTo(1);
        assertThat(refused.code()).isEqualTo("-1");
        assertThat(refused.reason()).as("says what the server said, decoded").contains("令牌过期");
    }

    @Test
    void theConnectionLimitIsTransientAndRetriedWithTheBackoff() {
        // Typically a half-open old connection the server has not dropped yet: it heals by waiting.
        discovery.thenRefuse("1", "{\"code\":\"1\",\"msg\":\"该token连接数已达上限\"}")
                .thenRefuse("1", "{\"code\":\"1\",\"msg\":\"\\u8be5token\\u8fde\\u63a5\\u6570\\u5df2\\u8fbe\\u4e0a\\u9650\"}");
        client();
        client.start();

        events.await(Connected.class, 1);
        assertThat(events.ofType(Refused.class)).isEmpty();
        assertThat(events.ofType(Disconnected.class)).hasSize(2)
                .allSatisfy(d -> assertThat(d.reason()).contains("code=1"));
        assertThat(events.ofType(ReconnectScheduled.class)).hasSize(2);
        assertThat(discovery.callCount()).isEqualTo(3);
    }

    // ---- refusals said by the WebSocket server with a close frame ---------------------------

    @Test
    void aCloseWithAnApplicationCodeAndATokenExpiredReasonStopsTheClient() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.serverClose(4001, "token " + TOKEN + " expired");

        Refused refused = events.await(Refused.class, 1).get(0);
        clock.advance(Duration.ofMinutes(1));
        assertThat(refused.code()).isEqualTo("4001");
        assertThat(refused.reason()).contains("expired").doesNotContain(TOKEN);
        assertThat(events.ofType(Disconnected.class)).singleElement()
                .satisfies(d -> assertThat(d.closeCode()).isEqualTo(4001));
        assertThat(events.ofType(ReconnectScheduled.class)).isEmpty();
        assertThat(discovery.callCount()).isEqualTo(1);
        assertThat(socket.connectionCount()).isEqualTo(1);
        assertThat(client.isConnected()).isFalse();
    }

    @Test
    void aPolicyViolationCloseSayingTheTokenIsInvalidStopsTheClient() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.serverClose(1008, "令牌无效");

        assertThat(events.await(Refused.class, 1).get(0).code()).isEqualTo("1008");
        clock.advance(Duration.ofMinutes(1));
        assertThat(discovery.callCount()).isEqualTo(1);
    }

    @Test
    void otherClosesAreRetriedWhateverTheirReasonSays() {
        VirtualScheduler clock = virtualTime();
        client();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.serverClose(1001, "token expired");   // not a refusal code: going away
        clock.advance(Duration.ofMillis(10));
        awaitConnected(2).serverClose(4000, "该token连接数已达上限"); // a refusal, but a passing one
        clock.advance(Duration.ofMillis(10));
        awaitConnected(3);

        assertThat(events.ofType(Refused.class)).isEmpty();
        assertThat(events.ofType(ReconnectScheduled.class)).hasSize(2);
    }

    @Test
    void optionsCanKeepRetryingAFatalClose() {
        VirtualScheduler clock = virtualTime();
        client(options().retryFatalRefusals(true).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.serverClose(4001, "token expired");
        clock.advance(Duration.ofMillis(10));

        awaitConnected(2);
        assertThat(events.ofType(Refused.class)).isEmpty();
    }

    @Test
    void closesAreJudgedByTheClassifiersOwnCloseRuleWhenItHasOne() {
        VirtualScheduler clock = virtualTime();
        client(options().refusalClassifier(new RefusalClassifier() {
            @Override
            public Kind classify(DiscoveryReply reply) {
                return Kind.TRANSIENT;
            }

            @Override
            public Kind classifyClose(int closeCode, String reason) {
                return closeCode == 4403 ? Kind.FATAL : Kind.TRANSIENT;
            }
        }).build());
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.serverClose(4001, "token expired");
        clock.advance(Duration.ofMillis(10));
        awaitConnected(2).serverClose(4403, "");

        assertThat(events.await(Refused.class, 1).get(0).reason()).contains("4403", "(no reason)");
    }

    @Test
    void aFatalRefusalIsSaidOnceAndTheClientStopsTrying() {
        discovery.thenRefuse("1", "{\"code\":\"1\",\"message\":\"invalid token\"}");
        VirtualScheduler clock = virtualTime();
        client();
        client.start();

        Refused refused = events.await(Refused.class, 1).get(0);
        assertThat(refused.code()).isEqualTo("1");
        assertThat(refused.reason()).contains("invalid token");
        clock.advance(Duration.ofMinutes(1)); // the backoff is 1-4 ms: a retry would have happened by now
        assertThat(discovery.callCount()).isEqualTo(1);
        assertThat(events.ofType(Refused.class)).hasSize(1);
        assertThat(events.ofType(Disconnected.class)).isEmpty();
        assertThat(events.ofType(ReconnectScheduled.class)).isEmpty();
        assertThat(client.isConnected()).isFalse();
        assertThat(client.stats().discoveryFailures()).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedAndReportedEachTime() {
        discovery.thenFail(new DiscoveryException("HTTP 500 from the discovery service"))
                .thenFail(new DiscoveryException("discovery reply is not JSON: <html>"))
                .thenRefuse("1", "{\"code\":\"1\",\"message\":\"no server free\"}");
        client();
        client.start();

        events.await(Connected.class, 1);
        assertThat(events.ofType(Disconnected.class)).extracting(Disconnected::reason).satisfiesExactly(
                r -> assertThat(r).contains("HTTP 500"),
                r -> assertThat(r).contains("not JSON"),
                r -> assertThat(r).contains("no server free"));
        assertThat(events.ofType(ReconnectScheduled.class)).hasSize(3);
        assertThat(events.ofType(Refused.class)).isEmpty();
    }

    @Test
    void optionsCanKeepRetryingFatalRefusals() {
        discovery.thenRefuse("1", "{\"code\":\"1\",\"message\":\"invalid token\"}");
        client(options().retryFatalRefusals(true).build());
        client.start();

        events.await(Connected.class, 1);
        assertThat(events.ofType(Refused.class)).isEmpty();
        assertThat(events.ofType(Disconnected.class)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("invalid token"));
    }

    @Test
    void theClassifierIsReplaceable() throws Exception {
        discovery.thenRefuse("1", "{\"code\":\"1\",\"message\":\"invalid token\"}")
                .thenRefuse("503", "{\"code\":\"503\",\"message\":\"maintenance\"}");
        client(options().refusalClassifier(reply -> "503".equals(reply.code())
                ? RefusalClassifier.Kind.FATAL : RefusalClassifier.Kind.TRANSIENT).build());
        client.start();

        Refused refused = events.await(Refused.class, 1).get(0);
        assertThat(refused.code()).isEqualTo("503");
        assertThat(discovery.callCount()).isEqualTo(2);
    }

    @Test
    void aThrowingClassifierCountsAsTransient() {
        discovery.thenRefuse("1", "{\"code\":\"1\",\"message\":\"invalid token\"}");
        client(options().refusalClassifier(reply -> {
            throw new IllegalStateException("classifier bug");
        }).build());
        client.start();

        events.await(Connected.class, 1);
        assertThat(events.ofType(Refused.class)).isEmpty();
    }
}
