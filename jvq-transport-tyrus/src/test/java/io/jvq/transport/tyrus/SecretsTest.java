package io.jvq.transport.tyrus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {
    private final Secrets secrets = Secrets.of(URI.create("ws://h:1/p?src=a&token=ab%2Bcd-1234&x=y"));

    @Test
    void scrubs_the_token_query_value_and_the_bare_value_in_both_forms() {
        assertThat(secrets.scrub("Connection to 'ws://h:1/p?src=a&token=ab%2Bcd-1234&x=y' failed"))
                .isEqualTo("Connection to 'ws://h:1/p?src=a&token=***&x=y' failed");
        assertThat(secrets.scrub("bad token ab+cd-1234 and ab%2Bcd-1234")).isEqualTo("bad token *** and ***");
    }

    @Test
    void leaves_an_exception_without_the_token_as_it_is() {
        IOException clean = new IOException("connection refused");

        assertThat(secrets.scrubbed(clean)).isSameAs(clean);
    }

    @Test
    void copies_a_chain_that_mentions_the_token_with_every_message_scrubbed() {
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
    void very_short_tokens_are_only_scrubbed_as_query_values() {
        Secrets shortToken = Secrets.of(URI.create("ws://h:1/p?token=x"));

        assertThat(shortToken.scrub("ws://h:1/p?token=x failed: SunCertPathBuilderException"))
                .isEqualTo("ws://h:1/p?token=*** failed: SunCertPathBuilderException");
    }
}
