package io.jvq.transport.tyrus;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.jvq.transport.jdk.JdkHttpDiscoveryPort;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The discovery port Tyrus users get, over TLS: the trust the Tyrus builders pass on
 * ({@code sslContext}) is the one the call uses. The rest of its behaviour is the
 * testkit's {@code DiscoveryPortContract}.
 */
class JdkHttpDiscoveryTlsTest {
    static final String TOKEN = "tok-S3cr3t-9f8e7d";

    @Test
    void httpsWorksWithAGivenSslContext() throws Exception {
        try (VertxTestServer tls = VertxTestServer.tls();
             JdkHttpDiscoveryPort trusting = JdkHttpDiscoveryPort.builder()
                     .sslContext(VertxTestServer.trustingClientContext()).build()) {
            tls.onRequest(request -> request.response().end("{\"code\":\"0\",\"server\":\"h:1/p\"}"));

            DiscoveryReply reply = trusting.discover(request(tls.http("/server"))).get(10, TimeUnit.SECONDS);

            assertThat(reply.server()).isEqualTo("h:1/p");
        }
    }

    @Test
    void httpsToAnUntrustedCertificateFailsWithTheDefaultTrustAndNoToken() throws Exception {
        try (VertxTestServer tls = VertxTestServer.tls();
             JdkHttpDiscoveryPort defaults = JdkHttpDiscoveryPort.create()) {
            tls.onRequest(request -> request.response().end("{\"code\":\"0\"}"));

            assertThatThrownBy(() -> defaults.discover(request(tls.http("/server"))).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("failed").hasMessageNotContaining(TOKEN);
        }
    }

    private static DiscoveryRequest request(URI baseUrl) {
        return new DiscoveryRequest(baseUrl, "ab", "websocket", Token.of(TOKEN), Duration.ofSeconds(5));
    }
}
