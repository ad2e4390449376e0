package io.jvq.core.client;

import io.jvq.core.Token;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {
    private static final Token TOKEN = Token.of("tok-SECRET-4242");

    @Test
    void hostPortPathBecomesAWebSocketUrlWithTheTokenInItsQuery() {
        ServerAddress address = ServerAddress.of("10.1.2.3:8080/abc", TOKEN);

        assertThat(address.uri()).isEqualTo(URI.create("ws://10.1.2.3:8080/abc?token=tok-SECRET-4242"));
        assertThat(address.display()).isEqualTo("10.1.2.3:8080/abc");
        assertThat(address.toString()).isEqualTo("10.1.2.3:8080/abc");
    }

    @Test
    void anAddressThatHasAQueryGetsTheTokenAppendedWithAmpersand() {
        ServerAddress address = ServerAddress.of("10.1.2.3:8080/abc?src=pip", TOKEN);

        assertThat(address.uri()).isEqualTo(URI.create("ws://10.1.2.3:8080/abc?src=pip&token=tok-SECRET-4242"));
        assertThat(address.display()).isEqualTo("10.1.2.3:8080/abc");
    }

    @Test
    void anAddressWithWsOrWssSchemeIsUsedAsIs() {
        assertThat(ServerAddress.of("ws://q.example:81/x", TOKEN).uri())
                .isEqualTo(URI.create("ws://q.example:81/x?token=tok-SECRET-4242"));
        assertThat(ServerAddress.of("WSS://q.example/x", TOKEN).uri())
                .isEqualTo(URI.create("WSS://q.example/x?token=tok-SECRET-4242"));
        assertThat(ServerAddress.of("wss://q.example/x", TOKEN).display()).isEqualTo("wss://q.example/x");
    }

    @Test
    void theTokenIsUrlEncoded() {
        ServerAddress address = ServerAddress.of("h:1/p", Token.of("a+b/c&d"));

        assertThat(address.uri().getRawQuery()).isEqualTo("token=a%2Bb%2Fc%26d");
    }

    @Test
    void unusableAddressesAreRejectedWithMessagesThatNameThemButNotTheToken() {
        assertThatThrownBy(() -> ServerAddress.of("  ", TOKEN)).hasMessageContaining("empty");
        assertThatThrownBy(() -> ServerAddress.of("http://h:1/p", TOKEN))
                .hasMessageContaining("unsupported scheme").hasMessageContaining("http://h:1/p");
        assertThatThrownBy(() -> ServerAddress.of("h:1/p q", TOKEN))
                .hasMessageContaining("'h:1/p q' is not a valid URI");
        assertThatThrownBy(() -> ServerAddress.of("/only/a/path", TOKEN)).hasMessageContaining("has no host");
        assertThatThrownBy(() -> ServerAddress.of("h:1/p?token=tok-SECRET-4242 x", TOKEN))
                .hasMessageNotContaining("tok-SECRET-4242").hasMessageContaining("token=***");
    }
}
