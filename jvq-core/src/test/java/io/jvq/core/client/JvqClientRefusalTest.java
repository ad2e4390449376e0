package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.Connected;
import io.jvq.core.event.ConnectionEvent.Disconnected;
import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import io.jvq.core.event.ConnectionEvent.Refused;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import org.junit.jupiter.api.Test;

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
