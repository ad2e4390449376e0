package io.jvq.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token is a secret: it shows as {@code ***} everywhere but in the request URL. */
class TokenAndRedactionTest {

    @Test
    void neverShowsTheTokenInToString() {
        Token token = Token.of("s3cr3t-token");

        assertThat(token).hasToString("***");
        assertThat(String.valueOf(token)).doesNotContain("s3cr3t");
        assertThat(token.reveal()).isEqualTo("s3cr3t-token");
    }

    @Test
    void refusesABlankOrMissingToken() {
        assertThatThrownBy(() -> Token.of(" \t")).isInstanceOf(IllegalArgumentException.class).hasMessage("token is blank");
        assertThatThrownBy(() -> Token.of(null)).isInstanceOf(NullPointerException.class).hasMessage("token");
    }

    @Test
    void redactsTheTokenWhereverItAppearsAndAnyTokenQueryValue() {
        Token token = Token.of("abc123");

        String redacted = token.redact("GET http://jvQuant.com/server?market=ab&type=websocket&token=abc123 failed;"
                + " body mentions abc123 and ws://1.2.3.4:8080/q?token=other");

        assertThat(redacted).isEqualTo("GET http://jvQuant.com/server?market=ab&type=websocket&token=*** failed;"
                + " body mentions *** and ws://1.2.3.4:8080/q?token=***");
        assertThat(token.redact(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ws://h:1/p?token=abc&x=1        | ws://h:1/p?token=***&x=1",
            "ws://h:1/p?token=abc#frag       | ws://h:1/p?token=***#frag",
            "ws://h:1/p?src=pip&token=abc    | ws://h:1/p?src=pip&token=***",
            "'url \"ws://h/?token=abc\" bad' | 'url \"ws://h/?token=***\" bad'",
            "token=                          | token=***",
            "a token=x b token=y             | a token=*** b token=***",
    })
    void rewritesEveryTokenQueryValue(String text, String expected) {
        assertThat(Redaction.redact(text)).isEqualTo(expected);
    }

    @Test
    void leavesTextWithoutATokenAlone() {
        String text = "no secrets here";

        assertThat(Redaction.redact(text)).isSameAs(text);
        assertThat(Redaction.redact(null)).isNull();
        assertThat(Redaction.redact("ws://h/?token=abc\nnext line")).isEqualTo("ws://h/?token=***\nnext line");
    }
}
