package io.jvq.core.wire;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transport-independent meaning of a discovery reply; the testkit's contract checks each transport delivers it. */
class DiscoveryRepliesTest {
    static final String TOKEN = "tok-S3cr3t-9f8e7d";
    static final DiscoveryRequest REQUEST = new DiscoveryRequest(URI.create("http://h/server"), "ab", "websocket",
            Token.of(TOKEN), Duration.ofSeconds(1));

    @Test
    void a200WithCodeAndServerIsAReplyWithItsWholeBody() {
        String body = "{\"code\":\"0\",\"server\":\"1.2.3.4:8080/abc\",\"more\":1}";

        assertThat(interpret(200, body)).isEqualTo(new DiscoveryReply("0", "1.2.3.4:8080/abc", body));
    }

    @Test
    void aNumericCodeIsItsPlainDigitsAndEveryZeroIs0() {
        assertThat(interpret(200, "{\"code\":0}").code()).isEqualTo("0");
        assertThat(interpret(200, "{\"code\":0.0}").code()).isEqualTo("0");
        assertThat(interpret(200, "{\"code\":-0.0}").code()).isEqualTo("0");
        assertThat(interpret(200, "{\"code\":1E+1}").code()).isEqualTo("10");
        assertThat(interpret(200, "{\"code\":-1.50}").code()).isEqualTo("-1.5");
    }

    @Test
    void absentCodeOrServerStayNullForCoreToRefuse() {
        DiscoveryReply reply = interpret(200, "{\"msg\":\"no\"}");

        assertThat(reply.code()).isNull();
        assertThat(reply.server()).isNull();
        assertThat(reply.ok()).isFalse();
    }

    @Test
    void aRedirectIsRefusedAsSuch() {
        assertThatThrownBy(() -> interpret(301, ""))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("HTTP 301").hasMessageContaining("does not follow");
    }

    @Test
    void anotherStatusQuotesACutOneLineBodyWithoutTheToken() {
        String body = "line " + TOKEN + "\n" + "x".repeat(500);

        assertThatThrownBy(() -> interpret(502, body))
                .hasMessageContaining("HTTP 502").hasMessageContaining("line ***\\nxxx")
                .hasMessageContaining("(" + body.length() + " chars)").hasMessageNotContaining(TOKEN);
    }

    @Test
    void aBodyPastTheCapIsRefusedEvenIfATransportPassesItWhole() {
        byte[] huge = new byte[DiscoveryReplies.MAX_BODY_BYTES + 1];

        assertThatThrownBy(() -> DiscoveryReplies.interpret(REQUEST, 200, huge))
                .hasMessageContaining("over " + DiscoveryReplies.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void failedScrubsTheCauseAndItsMessage() {
        DiscoveryException failure = DiscoveryReplies.failed(REQUEST,
                new java.io.IOException("no route to " + TOKEN));

        assertThat(failure).hasMessage("discovery " + REQUEST.redactedUri() + " failed: IOException: no route to ***");
        assertThat(failure.getCause()).isInstanceOf(ScrubbedException.class);
    }

    private static DiscoveryReply interpret(int status, String body) {
        return DiscoveryReplies.interpret(REQUEST, status, body.getBytes(StandardCharsets.UTF_8));
    }
}
