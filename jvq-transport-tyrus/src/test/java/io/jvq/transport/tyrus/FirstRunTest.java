package io.jvq.transport.tyrus;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A newcomer's first run, through real sockets: list right after start, and a server that is not running. */
class FirstRunTest {

    @Test
    void listRightAfterStartWaitsForTheConnectionAndAnswers() throws Exception {
        try (FakeJvQuant fake = FakeJvQuant.start();
             JvqClient client = JvqTyrus.clientBuilder(fake.clientOptions().build()).build()) {
            client.subscribe(SubscriptionCode.lv2("600519"));
            client.start();

            assertThat(client.list()).succeedsWithin(Duration.ofSeconds(15)).isEqualTo("list: lv2_600519");
            assertThat(client.connected()).isCompleted();
        }
    }

    @Test
    void awaitConnectedWithNoServerRunningSaysTheConnectionWasRefusedAndWhere() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        ClientOptions options = ClientOptions.builder("tok-SECRET-4242")
                .discoveryUrl("http://127.0.0.1:" + port + "/server").build();
        try (JvqClient client = JvqTyrus.clientBuilder(options).build()) {
            client.start();

            assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(2)))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageStartingWith("no connection to the server within PT2S; the last attempt: ")
                    .hasMessageContaining("failed: connection refused by 127.0.0.1:" + port)
                    .hasMessageNotContaining("tok-SECRET-4242");
        }
    }
}
