package io.jvq.transport.jdk;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryRequest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK's HTTP client says only "ConnectException": the port says what failed, never the token. */
class JdkHttpDiscoveryFailureTest {
    private static final String TOKEN = "tok-SECRET-4242";

    @Test
    void aPortNobodyListensOnIsReportedAsConnectionRefusedWithHostAndPort() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        DiscoveryRequest request = new DiscoveryRequest(URI.create("http://127.0.0.1:" + port + "/server"), "ab",
                "websocket", Token.of(TOKEN), Duration.ofSeconds(5));

        try (JdkHttpDiscoveryPort discovery = JdkHttpDiscoveryPort.create()) {
            Throwable failure = failureOf(discovery, request);

            assertThat(failure).isInstanceOf(DiscoveryException.class)
                    .hasMessage("discovery http://127.0.0.1:" + port + "/server?market=ab&type=websocket&token=***"
                            + " failed: connection refused by 127.0.0.1:" + port
                            + " (is the server running there?) (ConnectException)");
        }
    }

    @Test
    void aHostThatDoesNotResolveIsNamed() throws Exception {
        DiscoveryRequest request = new DiscoveryRequest(URI.create("http://no-such-host.invalid/server"), "ab",
                "websocket", Token.of(TOKEN), Duration.ofSeconds(5));

        try (JdkHttpDiscoveryPort discovery = JdkHttpDiscoveryPort.create()) {
            assertThat(failureOf(discovery, request)).hasMessageEndingWith(
                    "failed: unknown host no-such-host.invalid (no-such-host.invalid:80) (ConnectException)")
                    .hasMessageNotContaining(TOKEN);
        }
    }

    private static Throwable failureOf(JdkHttpDiscoveryPort discovery, DiscoveryRequest request) throws Exception {
        try {
            discovery.discover(request).get();
            throw new AssertionError("discovery succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
