package io.jvq.spring.boot.common;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.RefusalClassifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOptionsFactoryTest {
    private static final String TOKEN = "secret-token-123";

    private static JvqProperties properties() {
        JvqProperties properties = new JvqProperties();
        properties.setToken(TOKEN);
        properties.setMarket("hk");
        return properties;
    }

    @Test
    void everyCustomizerAdjustsTheOptionsInOrderAfterTheProperties() {
        List<String> ran = new ArrayList<>();
        RefusalClassifier allFatal = reply -> RefusalClassifier.Kind.FATAL;
        JvqClientCustomizer first = options -> {
            ran.add("first");
            options.refusalClassifier(allFatal).pingInterval(Duration.ofSeconds(7));
        };
        JvqClientCustomizer second = options -> {
            ran.add("second");
            options.pingInterval(Duration.ofSeconds(9));
        };

        ClientOptions options = ClientOptionsFactory.options(properties(), List.of(first, second));

        assertThat(ran).containsExactly("first", "second");
        assertThat(options.refusalClassifier()).isSameAs(allFatal);
        assertThat(options.pingInterval()).isEqualTo(Duration.ofSeconds(9));
        assertThat(options.market()).isEqualTo("hk");
    }

    @Test
    void aCustomizerSettingABadValueFailsNamingTheSettingNotTheToken() {
        JvqClientCustomizer bad = options -> options.pingInterval(Duration.ofSeconds(-1));

        assertThatThrownBy(() -> ClientOptionsFactory.options(properties(), List.of(bad)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("invalid jvq.* setting")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aMissingTokenNamesThePropertyAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> ClientOptionsFactory.options(new JvqProperties(), List.of()))
                .hasMessageContaining("jvq.token is not set").hasMessageContaining("JVQ_TOKEN");
    }

    @Test
    void theDefaultTransportIsTheFirstOnTheClasspath() {
        // this module's tests have both transports; Vert.x comes first
        assertThat(Transports.detected()).isEqualTo(JvqProperties.Transport.VERTX);
    }
}
