package io.jvq.spring.boot;

import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.client.RefusalClassifier;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.Level2Trade;
import io.jvq.micrometer.JvqClientMetrics;
import io.jvq.micrometer.JvqMeters;
import io.jvq.spring.boot.common.JvqClientCustomizer;
import io.jvq.spring.boot.common.JvqProperties;
import io.jvq.spring.boot.common.Transports;
import io.jvq.testkit.FakeJvQuant;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring Boot 4 auto-configuration in real application contexts, against the fake server on loopback. */
class JvqAutoConfigurationTest {
    private static final String TRADE = "lv2_600519=09:30:00.120,1234567,1700.50,100";

    private final FakeJvQuant server = FakeJvQuant.start();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JvqAutoConfiguration.class))
            .withPropertyValues("jvq.token=" + server.token(), "jvq.discovery-url=" + server.discoveryUrl(),
                    "jvq.codes=lv2_600519,lv1_000001",
                    "jvq.reconnect.initial-delay=50ms", "jvq.reconnect.max-delay=200ms");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        static final BlockingQueue<Object> SEEN = new LinkedBlockingQueue<>();

        @Bean
        QuoteListener trades() {
            return QuoteListener.onTrades(SEEN::add);
        }

        @Bean
        QuoteListener errors() {
            return QuoteListener.onDecodeErrors(SEEN::add);
        }
    }

    @Test
    void theClientSubscribesTheCodesStartsWithTheContextAndFeedsEveryListenerBean() {
        Listeners.SEEN.clear();
        runner.withUserConfiguration(Listeners.class).run(context -> {
            assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519,lv1_000001");
            server.pushQuotes(TRADE);
            server.pushMalformedLines("lv2_600519=garbage");

            assertThat(Listeners.SEEN.poll(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(Level2Trade.class,
                    trade -> assertThat(trade.tradeId()).isEqualTo(1234567));
            assertThat(Listeners.SEEN.poll(30, TimeUnit.SECONDS)).isInstanceOf(DecodeError.class);
        });
        server.awaitConnections(0, Duration.ofSeconds(30));
    }

    @Test
    void theHealthIndicatorIsUpWhenConnectedDownWithTheReasonDuringADropAndUpAgainAfterTheReconnect() {
        runner.withPropertyValues("jvq.reconnect.initial-delay=1s", "jvq.reconnect.max-delay=1s",
                "jvq.reconnect.jitter=0").run(context -> {
            JvqHealthIndicator health = context.getBean(JvqHealthIndicator.class);
            server.awaitConnections(1, Duration.ofSeconds(30));
            awaitStatus(health, Status.UP);
            server.pushQuotes(TRADE);

            server.closeAll(1011, "maintenance");

            Health down = awaitStatus(health, Status.DOWN);
            assertThat(down.getDetails().get("reason").toString())
                    .contains("not connected").contains("1011").contains("maintenance");
            Health up = awaitStatus(health, Status.UP);
            assertThat(up.getDetails()).containsKeys("connectedFor", "sinceLastFrame");
            assertThat(server.acceptedConnectionCount()).isEqualTo(2);
        });
    }

    @Test
    void aConnectedButSilentFeedIsDown() {
        runner.withPropertyValues("jvq.health.max-silence=300ms").run(context -> {
            JvqHealthIndicator health = context.getBean(JvqHealthIndicator.class);
            JvqClient client = context.getBean(JvqClient.class);
            // the indicator reads the feed metrics, which see the connection a moment after isConnected() does
            await(() -> client.metrics().connected());

            Health down = awaitStatus(health, Status.DOWN);

            assertThat(down.getDetails().get("reason").toString()).startsWith("connected, but no frame for")
                    .contains("jvq.health.max-silence");
            server.pushQuotes(TRADE);
            awaitStatus(health, Status.UP);
        });
    }

    @Test
    void withMicrometerTheClientsMetersAreInTheRegistry() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class)).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            server.awaitConnections(1, Duration.ofSeconds(30));
            server.takeCommand(Duration.ofSeconds(30));
            server.pushQuotes(TRADE);

            await(() -> registry.get(JvqMeters.FRAMES).functionCounter().count() == 1.0);
            assertThat(registry.get(JvqMeters.CONNECTED).gauge().value()).isEqualTo(1.0);
            assertThat(registry.get(JvqMeters.FEED_LAG).timer().count()).isEqualTo(1);
        });
    }

    @Test
    void withoutMicrometerThereIsNoBinderAndTheClientStillRuns() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JvqClientMetrics.class).hasSingleBean(JvqClient.class);
            server.awaitConnections(1, Duration.ofSeconds(30));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Sink {
        static final BlockingQueue<String> TRADES = new LinkedBlockingQueue<>();

        @Bean
        QuoteSink flyweights() {
            return new QuoteSink() {
                @Override
                public void onTrade(TradeView trade) {
                    TRADES.add(trade.code() + " #" + trade.tradeId());
                }

                @Override
                public void onLevel1(Level1View quote) {
                }

                @Override
                public void onLevel10(Level10View book) {
                }

                @Override
                public void onError(DecodeError error) {
                }
            };
        }
    }

    @Test
    void aQuoteSinkBeanTakesTheZeroAllocationPathOverTyrus() {
        Sink.TRADES.clear();
        runner.withUserConfiguration(Sink.class).withPropertyValues("jvq.transport=tyrus").run(context -> {
            server.takeCommand(Duration.ofSeconds(30));
            server.pushQuotes(TRADE);

            assertThat(Sink.TRADES.poll(30, TimeUnit.SECONDS)).isEqualTo("lv2_600519 #1234567");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ReaderThreads {
        static final BlockingQueue<String> NAMES = new LinkedBlockingQueue<>();

        @Bean
        QuoteListener readerThreadNames() {
            // direct dispatch: the listener runs on the transport's reader thread
            return QuoteListener.onTrades(trade -> NAMES.add(Thread.currentThread().getName()));
        }
    }

    @Test
    void jvqTransportJdkRunsTheClientOnTheJdksOwnWebSocket() {
        ReaderThreads.NAMES.clear();
        runner.withUserConfiguration(ReaderThreads.class).withPropertyValues("jvq.transport=jdk").run(context -> {
            server.takeCommand(Duration.ofSeconds(30));
            server.pushQuotes(TRADE);

            // the JDK's HttpClient delivers on its executor (jvq-jdk-ws-…) or on a thread of its own, so the name
            // says which transport by what it is not: Vert.x's event loop (this starter's default) or Grizzly's
            assertThat(ReaderThreads.NAMES.poll(30, TimeUnit.SECONDS)).isNotNull()
                    .doesNotStartWith("vert.x-").doesNotContainIgnoringCase("grizzly");
        });
    }

    @Test
    void withoutPropertiesTheTransportIsVertxTheOneThisStarterBrings() {
        // Tyrus is on this test class path too: Vert.x comes first
        assertThat(Transports.detected()).isEqualTo(JvqProperties.Transport.VERTX);
        runner.run(context -> server.awaitConnections(1, Duration.ofSeconds(30)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizer {
        // --- README: the customizer
        @Bean
        JvqClientCustomizer refusalsAreFinal() {
            // every discovery refusal is final for this account: the client stops instead of retrying
            return options -> options.refusalClassifier(reply -> RefusalClassifier.Kind.FATAL);
        }
        // --- end
    }

    @Test
    void aCustomizerBeanAdjustsTheOptionsTheClientIsBuiltWith() {
        server.refuseNextDiscoveries(3);
        runner.withUserConfiguration(Customizer.class).run(context -> {
            server.awaitDiscoveries(1, Duration.ofSeconds(30));
            Health down = awaitStatus(context.getBean(JvqHealthIndicator.class), Status.DOWN);
            assertThat(down.getDetails().get("reason").toString()).startsWith("not connected");
            // FATAL: no second attempt, where the default rule retries a refusal after 50 ms
            Thread.sleep(700);
            assertThat(server.discoveryCount()).isEqualTo(1);
            assertThat(server.connectionCount()).isZero();
        });
    }

    @Test
    void jvqHealthEnabledFalseTurnsTheIndicatorOff() {
        runner.withPropertyValues("jvq.health.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(JvqHealthIndicator.class).hasSingleBean(JvqClient.class));
    }

    @Test
    void withoutSpringBootHealthThereIsNoIndicatorAndTheClientStillRuns() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JvqHealthIndicator.class).hasSingleBean(JvqClient.class);
            server.awaitConnections(1, Duration.ofSeconds(30));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondSink {
        @Bean
        QuoteSink anotherSink() {
            return new Sink().flyweights();
        }
    }

    @Test
    void twoQuoteSinkBeansFailTheStartupInsteadOfStarvingOne() {
        runner.withUserConfiguration(Sink.class, SecondSink.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("2 QuoteSink beans");
            assertThat(server.discoveryCount()).isZero();
        });
    }

    @Test
    void aMissingTokenFailsTheContextNamingTheProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JvqAutoConfiguration.class))
                .withPropertyValues("jvq.codes=lv2_600519").run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause()
                                .hasMessageContaining("jvq.token is not set").hasMessageContaining("JVQ_TOKEN"));
    }

    @Test
    void aBadCodeFailsTheContextNamingTheProperty() {
        runner.withPropertyValues("jvq.codes=lv2_600519,lv9_x").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lv9_x");
            assertThat(stackOf(context.getStartupFailure())).contains("invalid jvq.codes")
                    .doesNotContain(server.token());
        });
    }

    @Test
    void withAutoStartOffTheClientWaits() {
        runner.withPropertyValues("jvq.auto-start=false").run(context -> {
            assertThat(context.getBean(JvqClient.class).isConnected()).isFalse();
            assertThat(server.discoveryCount()).isZero();
            assertThat(context.getBean(JvqHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    private static String stackOf(Throwable error) {
        java.io.StringWriter out = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    static Health awaitStatus(JvqHealthIndicator indicator, Status status) {
        Health[] last = new Health[1];
        await(() -> {
            last[0] = indicator.health();
            return last[0].getStatus().equals(status);
        }, () -> "last health: " + last[0]);
        return last[0];
    }

    static void await(java.util.function.BooleanSupplier condition) {
        await(condition, () -> "");
    }

    static void await(java.util.function.BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s; " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
