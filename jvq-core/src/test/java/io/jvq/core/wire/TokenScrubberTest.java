package io.jvq.core.wire;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class TokenScrubberTest {
    private final TokenScrubber secrets = TokenScrubber.of(URI.create("ws://h:1/p?src=a&token=ab%2Bcd-1234&x=y"));

    @Test
    void scrubsTheTokenQueryValueAndTheBareValueInBothForms() {
        assertThat(secrets.scrub("Connection to 'ws://h:1/p?src=a&token=ab%2Bcd-1234&x=y' failed"))
                .isEqualTo("Connection to 'ws://h:1/p?src=a&token=***&x=y' failed");
        assertThat(secrets.scrub("bad token ab+cd-1234 and ab%2Bcd-1234")).isEqualTo("bad token *** and ***");
    }

    @Test
    void leavesAnExceptionWithoutTheTokenAsItIs() {
        IOException clean = new IOException("connection refused");

        assertThat(secrets.scrubbed(clean)).isSameAs(clean);
    }

    @Test
    @SuppressWarnings("OrphanedFormatString") // "%2B" is the URL-encoded '+' of the token, not a format specifier
    void copiesAChainThatMentionsTheTokenWithEveryMessageScrubbed() {
        IOException root = new IOException("peer said: ab+cd-1234 is not valid");
        IllegalStateException top = new IllegalStateException("Connection to 'ws://h:1/p?token=ab%2Bcd-1234' failed.", root);

        Throwable copy = secrets.scrubbed(top);

        assertThat(copy).isInstanceOf(ScrubbedException.class)
                .hasToString("java.lang.IllegalStateException: Connection to 'ws://h:1/p?token=***' failed.");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(copy.getCause()).hasToString("java.io.IOException: peer said: *** is not valid");
        assertThat(((ScrubbedException) copy.getCause()).originalType()).isEqualTo("java.io.IOException");
    }

    @Test
    void veryShortTokensAreOnlyScrubbedAsQueryValues() {
        TokenScrubber shortToken = TokenScrubber.of(URI.create("ws://h:1/p?token=x"));

        assertThat(shortToken.scrub("ws://h:1/p?token=x failed: SunCertPathBuilderException"))
                .isEqualTo("ws://h:1/p?token=*** failed: SunCertPathBuilderException");
    }

    @Test
    void aTokenScrubberForATokenHidesItBareAndAsAQueryValue() {
        TokenScrubber scrubber = TokenScrubber.of(io.jvq.core.Token.of("ab+cd-1234"));

        assertThat(scrubber.scrub("GET /s?token=ab+cd-1234 said ab+cd-1234")).isEqualTo("GET /s?token=*** said ***");
    }

    @Test
    void ioNamesWhatFailedWithAScrubbedMessageAndCause() {
        IOException failure = secrets.io("WebSocket connect failed", new IOException("refused ab+cd-1234"));

        assertThat(failure).hasMessage("WebSocket connect failed: refused ***");
        assertThat(failure.getCause()).isInstanceOf(ScrubbedException.class);
    }
}
