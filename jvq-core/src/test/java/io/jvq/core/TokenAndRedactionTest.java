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
    void aMissingTokenSaysWhereOneComesFromAndNamesJvqToken() {
        assertThatThrownBy(() -> Token.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the jvQuant token is missing (null): pass the token of your jvQuant account"
                        + " (jvQuant.com), e.g. ClientOptions.builder(System.getenv(\"JVQ_TOKEN\")) with the"
                        + " JVQ_TOKEN environment variable set; against the fake server (jvq serve) any token will do");
    }

    @Test
    void aBlankTokenSaysSoAndThatJvqTokenMayBeSetButEmpty() {
        assertThatThrownBy(() -> Token.of(" \t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the jvQuant token is blank: pass the token of your jvQuant account (jvQuant.com);"
                        + " if it comes from System.getenv(\"JVQ_TOKEN\"), JVQ_TOKEN is set but empty");
    }

    /** The issue's own line: with the token "t", every t in it was starred out. */
    private static final String DISCOVERY_FAILURE = "DiscoveryException: discovery"
            + " http://jvQuant.com/server?market=ab&type=websocket&token=%s failed: ConnectException";

    @Test
    void aOneLetterTokenIsHiddenOnlyWhereItStandsAsAWholeValue() {
        Token token = Token.of("t");

        assertThat(token.redact(DISCOVERY_FAILURE.formatted("t")))
                .isEqualTo(DISCOVERY_FAILURE.formatted("***"));
        assertThat(token.redact("t")).as("the whole text").isEqualTo("***");
        assertThat(token.redact("the server said: bad token")).isEqualTo("the server said: bad token");
    }

    @Test
    void aTwoLetterTokenEqualToTheMarketFlagLeavesTheMarketAlone() {
        Token token = Token.of("ab");

        assertThat(token.redact(DISCOVERY_FAILURE.formatted("ab"))).isEqualTo(DISCOVERY_FAILURE.formatted("***"));
        assertThat(token.redact("ab")).isEqualTo("***");
        assertThat(token.redact("table")).isEqualTo("table");
    }

    @Test
    void aTokenOfUsualLengthIsHiddenWhereverItAppears() {
        Token token = Token.of("tok-SECRET-4242");

        assertThat(token.redact(DISCOVERY_FAILURE.formatted("tok-SECRET-4242") + "; echoed tok-SECRET-4242!"))
                .isEqualTo(DISCOVERY_FAILURE.formatted("***") + "; echoed ***!");
    }

    @Test
    void theTokenScrubberOfTheTransportsFollowsTheSameRule() {
        for (String secret : new String[] {"t", "ab", "tok-SECRET-4242"}) {
            io.jvq.core.wire.TokenScrubber scrubber = io.jvq.core.wire.TokenScrubber.of(Token.of(secret));
            String text = DISCOVERY_FAILURE.formatted(secret) + " (table) " + secret;

            assertThat(scrubber.scrub(text)).as(secret).isEqualTo(Token.of(secret).redact(text));
            assertThat(scrubber.scrub(secret)).as(secret).isEqualTo("***");
        }
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
