package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent.ReconnectScheduled;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the client logs (System.Logger, JUL by default) when a connection ends: each fact said once. */
class JvqClientLogLinesTest extends ClientTestSupport {

    @Test
    void aServerCloseIsLoggedWithItsCodeOnce() {
        try (LogCapture log = LogCapture.of(JvqClient.class)) {
            client();
            startAndAwaitConnected().serverClose(1000, "bye");
            events.await(ReconnectScheduled.class, 1);

            assertThat(log.messages()).filteredOn(m -> m.contains("closed the connection"))
                    .first().asString()
                    .isEqualTo("INFO jvq: the server closed the connection (1000): bye; attempt 1 in 1 ms");
        }
    }

    @Test
    void aFailureWithoutACloseCodeIsLoggedWithoutOne() {
        try (LogCapture log = LogCapture.of(JvqClient.class)) {
            client();
            startAndAwaitConnected().fail(new IOException("cut"));
            events.await(ReconnectScheduled.class, 1);

            assertThat(log.messages()).filteredOn(m -> m.contains("cut"))
                    .containsExactly("INFO jvq: the connection failed: IOException: cut; attempt 1 in 1 ms");
        }
    }

    @Test
    void aCloseCodeTheReasonDoesNotGiveIsAdded() {
        assertThat(FailureText.closeCode(1006, "the connection dropped")).isEqualTo(" (close code 1006)");
        assertThat(FailureText.closeCode(1000, "the server closed the connection (1000)")).isEmpty();
        assertThat(FailureText.closeCode(-1, "discovery failed")).isEmpty();
    }
}
