package io.jvq.transport.vertx;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The token must not show anywhere a failure could end up: messages, causes, stack traces. */
final class SecretChecks {
    private SecretChecks() {
    }

    static void assertNoToken(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(TestServer.TOKEN);
    }
}
