package io.jvq.spring.boot3;

import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level2Trade;
import io.jvq.spring.boot.common.JvqProperties;
import io.jvq.spring.boot.common.Transports;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring Boot 3.5 auto-configuration in real application contexts, against the fake server on loopback. */
class JvqAutoConfigurationTest {
    private static final String TRADE = "lv2_600519=09:30:00.120,1234567,1700.50,100";

    private final FakeJvQuant server = FakeJvQuant.start();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JvqAutoConfiguration.class))
            .withPropertyValues("jvq.token=" + server.token(), "jvq.discovery-url=" + server.discoveryUrl(),
                    "jvq.codes=lv2_600519", "jvq.reconnect.initial-delay=1s", "jvq.reconnect.max-delay=1s",
                    "jvq.reconnect.jitter=0");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        static final BlockingQueue<Level2Trade> TRADES = new LinkedBlockingQueue<>();

        @Bean
        QuoteListener trades() {
            return QuoteListener.onTrades(TRADES::add);
        }
    }

    @Test
    void theClientRunsOnTheJdkTransportByDefaultAndTheIndicatorFollowsADropAndTheReconnect() {
        // only the JDK's is a jvq transport on this class path, as for an application with this starter
        assertThat(Transports.detected()).isEqualTo(JvqProperties.Transport.JDK);
        Listeners.TRADES.clear();
        runner.withUserConfiguration(Listeners.class).run(context -> {
            JvqHealthIndicator health = context.getBean(JvqHealthIndicator.class);
            assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
            server.pushQuotes(TRADE);
            assertThat(Listeners.TRADES.poll(30, TimeUnit.SECONDS)).isNotNull()
                    .satisfies(trade -> assertThat(trade.tradeId()).isEqualTo(1234567));
            awaitStatus(health, Status.UP);

            server.closeAll(1011, "maintenance");

            Health down = awaitStatus(health, Status.DOWN);
            assertThat(down.getDetails().get("reason").toString())
                    .contains("not connected").contains("1011").contains("maintenance");
            Health up = awaitStatus(health, Status.UP);
            assertThat(up.getDetails()).containsKeys("connectedFor", "sinceLastFrame", "subscriptions");
            assertThat(server.acceptedConnectionCount()).isEqualTo(2);
        });
    }

    @Test
    void jvqHealthEnabledFalseTurnsTheIndicatorOff() {
        runner.withPropertyValues("jvq.health.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(JvqHealthIndicator.class).hasSingleBean(JvqClient.class));
    }

    @Test
    void withoutTheActuatorThereIsNoIndicatorAndTheClientStillRuns() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JvqHealthIndicator.class).hasSingleBean(JvqClient.class);
            server.awaitConnections(1, Duration.ofSeconds(30));
        });
    }

    @Test
    void theVertxTransportAskedForButAbsentFailsNamingTheArtifact() {
        runner.withPropertyValues("jvq.transport=vertx").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("jvq-transport-vertx")
                    .hasMessageNotContaining(server.token());
        });
    }

    static Health awaitStatus(JvqHealthIndicator indicator, Status status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Health last = indicator.health();
        while (!last.getStatus().equals(status)) {
            assertThat(System.nanoTime()).as("health %s within 30 s, last %s", status, last).isLessThan(deadline);
            Thread.sleep(10);
            last = indicator.health();
        }
        return last;
    }
}
