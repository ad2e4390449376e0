package io.jvq.core.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's options: defaults, a toString without the token, and values that cannot work. */
class ClientOptionsTest {
    private static final String TOKEN = "tok-SECRET-4242";

    private static ClientOptions.Builder options() {
        return ClientOptions.builder(TOKEN);
    }

    @Test
    void onlyTheTokenIsRequiredAndTheDefaultsFollowTheProtocol() {
        ClientOptions options = options().build();

        assertThat(options.token().reveal()).isEqualTo(TOKEN);
        assertThat(options.market()).isEqualTo("ab");
        assertThat(options.discoveryUrl()).isEqualTo(URI.create("http://jvQuant.com/server"));
        assertThat(options.reconnect()).isEqualTo(ReconnectPolicy.DEFAULT);
        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void toStringHidesTheToken() {
        assertThat(options().build().toString()).doesNotContain(TOKEN).contains("token=***");
    }

    @Test
    void toStringAndErrorsHideATokenPastedIntoTheDiscoveryUrl() {
        String pasted = "http://jvQuant.com/server?market=ab&type=websocket&token=" + TOKEN;

        assertThat(options().discoveryUrl(pasted).build().toString()).doesNotContain(TOKEN)
                .contains("discoveryUrl=http://jvQuant.com/server?market=ab&type=websocket&token=***");
        assertThatThrownBy(() -> options().discoveryUrl(pasted.replace("http:", "ftp:")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TOKEN).hasMessageContaining("token=***");
    }

    @Test
    void zeroDisablesPingsAndTheIdleCheck() {
        ClientOptions options = options().pingInterval(Duration.ZERO).idleTimeout(Duration.ZERO).build();

        assertThat(options.pingInterval()).isZero();
        assertThat(options.idleTimeout()).isZero();
    }

    @Test
    void rejectsTimeoutsThatWouldFailEveryAttemptAtOnce() {
        assertThatThrownBy(() -> options().connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("connectTimeout must be positive, got PT0S");
        assertThatThrownBy(() -> options().discoveryTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discoveryTimeout must be positive, got PT-1S");
    }

    @Test
    void rejectsANegativePingIntervalOrIdleTimeoutInsteadOfQuietlyDisablingIt() {
        assertThatThrownBy(() -> options().pingInterval(Duration.ofMillis(-5)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pingInterval must be zero (no pings) or positive, got PT-0.005S");
        assertThatThrownBy(() -> options().idleTimeout(Duration.ofSeconds(-45)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idleTimeout must be zero (no idle check) or positive, got PT-45S");
    }

    @Test
    void theDefaultsGiveUpASilentConnectionWithinFifteenSecondsWithTwoPingsInBetween() {
        ClientOptions options = options().build();

        assertThat(options.idleTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(options.pingInterval().multipliedBy(2)).isLessThan(options.idleTimeout());
    }

    @Test
    void rejectsAnIdleTimeoutNoLongerThanThePingInterval() {
        assertThatThrownBy(() -> options().pingInterval(Duration.ofSeconds(5)).idleTimeout(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idleTimeout (PT5S) must be longer than pingInterval (PT5S)");
    }

    @Test
    void rejectsNonPositiveSizesNamingTheOne() {
        assertThatThrownBy(() -> options().maxInflatedBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInflatedBytes must be positive, got 0");
        assertThatThrownBy(() -> options().maxMessageBytes(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxMessageBytes must be positive, got -1");
    }

    @Test
    void rejectsABlankMarketAndADiscoveryUrlThatIsNotHttp() {
        assertThatThrownBy(() -> options().market(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("market is blank");
        assertThatThrownBy(() -> options().discoveryUrl("ws://jvQuant.com/server").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discoveryUrl must be http:// or https://, got ws://jvQuant.com/server");
    }
}
