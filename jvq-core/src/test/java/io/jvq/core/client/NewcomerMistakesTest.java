package io.jvq.core.client;

import io.jvq.core.codec.QuoteSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every mistake in building options or a client says what to do, naming the method or variable:
 * none ends in a bare {@code NullPointerException}.
 */
class NewcomerMistakesTest {
    private static final String TOKEN = "tok-SECRET-4242";
    private final ClientOptions options = ClientOptions.builder(TOKEN).build();
    private static final QuoteSink SINK = new QuoteSink() {
        @Override
        public void onLevel1(io.jvq.core.codec.Level1View quote) {
        }

        @Override
        public void onTrade(io.jvq.core.codec.TradeView trade) {
        }

        @Override
        public void onLevel10(io.jvq.core.codec.Level10View book) {
        }

        @Override
        public void onError(io.jvq.core.event.DecodeError error) {
        }
    };

    @Test
    void anUnsetJvqTokenVariableSaysTheTokenIsMissingAndNamesTheVariable() {
        String unset = System.getenv("JVQ_TOKEN_THAT_NOBODY_SETS");

        assertThatThrownBy(() -> ClientOptions.builder(unset))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the jvQuant token is missing (null)")
                .hasMessageContaining("ClientOptions.builder(System.getenv(\"JVQ_TOKEN\"))")
                .hasMessageContaining("JVQ_TOKEN environment variable set");
    }

    @Test
    void anEmptyJvqTokenSaysItIsSetButEmpty() {
        assertThatThrownBy(() -> ClientOptions.builder(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JVQ_TOKEN is set but empty");
    }

    /** Each option left null names its builder method and what it takes. */
    @ParameterizedTest(name = "{0}(null)")
    @CsvSource(delimiter = '|', textBlock = """
            market            | market is null: ClientOptions.Builder.market(...) takes a market flag, "ab" (the default) for Shanghai and Shenzhen
            discoveryUrl      | discoveryUrl is null: ClientOptions.Builder.discoveryUrl(...) takes the discovery endpoint, \
            e.g. http://127.0.0.1:18080/server for jvq serve; \
            leave it unset for jvQuant's own, http://jvQuant.com/server
            reconnect         | reconnect is null: ClientOptions.Builder.reconnect(...) takes a ReconnectPolicy; leave it unset for ReconnectPolicy.DEFAULT
            connectTimeout    | connectTimeout is null: ClientOptions.Builder.connectTimeout(...) takes a positive Duration; leave it unset for 10 s
            discoveryTimeout  | discoveryTimeout is null: ClientOptions.Builder.discoveryTimeout(...) takes a positive Duration; leave it unset for 10 s
            pingInterval      | pingInterval is null: ClientOptions.Builder.pingInterval(...) takes a Duration, Duration.ZERO for no pings
            idleTimeout       | idleTimeout is null: ClientOptions.Builder.idleTimeout(...) takes a Duration, Duration.ZERO for no idle check
            refusalClassifier | refusalClassifier is null: ClientOptions.Builder.refusalClassifier(...) takes a RefusalClassifier; \
            leave it unset for RefusalClassifier.DEFAULT
            """)
    void aNullOptionNamesItsBuilderMethod(String option, String message) {
        UnaryOperator<ClientOptions.Builder> setNull = switch (option) {
            case "market" -> b -> b.market(null);
            case "discoveryUrl" -> b -> b.discoveryUrl((java.net.URI) null);
            case "reconnect" -> b -> b.reconnect(null);
            case "connectTimeout" -> b -> b.connectTimeout(null);
            case "discoveryTimeout" -> b -> b.discoveryTimeout(null);
            case "pingInterval" -> b -> b.pingInterval(null);
            case "idleTimeout" -> b -> b.idleTimeout(null);
            case "refusalClassifier" -> b -> b.refusalClassifier(null);
            default -> throw new IllegalArgumentException(option);
        };

        assertThatThrownBy(() -> setNull.apply(ClientOptions.builder(TOKEN)).build())
                .isInstanceOf(NullPointerException.class).hasMessage(message);
    }

    @Test
    void aBlankMarketSaysWhatAMarketFlagIs() {
        assertThatThrownBy(() -> ClientOptions.builder(TOKEN).market(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("market is blank: ClientOptions.Builder.market(...) takes a market flag, \"ab\" (the"
                        + " default) for Shanghai and Shenzhen");
    }

    @Test
    void aDiscoveryUrlThatIsNoUrlSaysSoWithoutTheTokenPastedIntoIt() {
        assertThatThrownBy(() -> ClientOptions.builder(TOKEN).discoveryUrl("http://127.0.0.1:18080/ server?token=" + TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discoveryUrl is not a URL: http://127.0.0.1:18080/ server?token=***;"
                        + " ClientOptions.Builder.discoveryUrl(...) takes e.g. http://127.0.0.1:18080/server")
                .hasNoCause();
    }

    @Test
    void aClientWithoutOptionsSaysHowToMakeThem() {
        assertThatThrownBy(() -> JvqClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no options: call .options(ClientOptions.builder(token).build()) on the builder, or start"
                        + " from JvqVertx.clientBuilder(options) or JvqTyrus.clientBuilder(options)");
    }

    @Test
    void aClientWithoutATransportNamesBothTransportBuilders() {
        assertThatThrownBy(() -> JvqClient.builder().options(options).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no transport (no socket and no discovery port): build the client with"
                        + " JvqVertx.clientBuilder(options) (jvq-transport-vertx) or JvqTyrus.clientBuilder(options)"
                        + " (jvq-transport-tyrus), which set both ports, or set them yourself with .socket(...) and"
                        + " .discovery(...)");
    }

    @Test
    void aClientWithADiscoveryPortButNoSocketPortSaysWhichIsMissing() {
        assertThatThrownBy(() -> JvqClient.builder().options(options).discovery(new FakeDiscovery()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no socket port: .discovery(...) is set but .socket(...) is not;"
                        + " build the client with JvqVertx.clientBuilder(options)");
    }

    @Test
    void aClientWithASocketPortButNoDiscoveryPortSaysWhichIsMissing() {
        assertThatThrownBy(() -> JvqClient.builder().options(options).socket(new FakeSocketPort()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no discovery port: .socket(...) is set but .discovery(...) is not;"
                        + " build the client with JvqVertx.clientBuilder(options)");
    }

    @Test
    void aNullListenerSaysHowToMakeOneOrToLeaveItOut() {
        assertThatThrownBy(() -> JvqClient.builder().listener(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("listener is null: pass a QuoteListener, e.g. QuoteListener.onTrades(trade -> ...),"
                        + " or leave listener(...) out to hear nothing");
    }

    @Test
    void aNullDispatchNamesTheTwoThereAre() {
        assertThatThrownBy(() -> JvqClient.builder().dispatch(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("dispatch is null: pass Dispatch.direct() (the default) or Dispatch.bounded(capacity, policy)");
    }

    @Test
    void aNullQuoteSinkSaysToLeaveItOut() {
        assertThatThrownBy(() -> JvqClient.builder().quoteSink(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("quoteSink is null: pass a QuoteSink, or leave quoteSink(...) out to have quotes delivered"
                        + " to the listener");
    }

    @Test
    void aQuoteSinkWithABoundedDispatchSaysWhichToRemove() {
        assertThatThrownBy(() -> JvqClient.builder().options(options).socket(new FakeSocketPort())
                .discovery(new FakeDiscovery()).quoteSink(SINK).dispatch(Dispatch.bounded(16, OverflowPolicy.DROP_OLDEST)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("it cannot be combined with a bounded dispatch; remove .dispatch(...) or .quoteSink(...)");
    }

    @Test
    void aQuoteSinkWithAListenerIsWarnedAboutOnceAtBuild() {
        try (LogCapture log = LogCapture.of(JvqClient.class)) {
            JvqClient.builder().options(options).socket(new FakeSocketPort()).discovery(new FakeDiscovery())
                    .quoteSink(SINK).listener(new QuoteListener() {
                    }).build().close();
            JvqClient.builder().options(options).socket(new FakeSocketPort()).discovery(new FakeDiscovery())
                    .quoteSink(SINK).build().close();

            assertThat(log.messages()).filteredOn(m -> m.contains("quoteSink")).containsExactly(
                    "WARNING jvq: this client has a quoteSink and a listener: quotes and decode errors go to the sink"
                            + " only; the listener gets connection events, server texts and sink failures, never a quote");
        }
    }

    @Test
    void aListTimeoutThatIsNotPositiveSaysSo() {
        JvqClient client = JvqClient.builder().options(options).socket(new FakeSocketPort())
                .discovery(new FakeDiscovery()).build();
        try {
            assertThatThrownBy(() -> client.list(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("list timeout must be positive, got PT0S");
        } finally {
            client.close();
        }
    }
}
