package io.jvq.spring.boot.app;

import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Spring Boot application with the starter: it receives quotes from the fake server and its
 * health endpoint reports the feed UP, DOWN through a drop, and UP after the reconnect.
 */
class QuoteApplicationTest {

    @Test
    void receivesQuotesAndReportsHealthThroughADrop() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            SpringApplication application = new SpringApplication(QuoteApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            // jvq.discovery-url aims the client at the fake server instead of jvQuant's.
            try (ConfigurableApplicationContext context = application.run("--jvq.token=" + server.token(),
                    "--jvq.codes=lv2_600519", "--jvq.discovery-url=" + server.discoveryUrl())) {
                HealthEndpoint health = context.getBean(HealthEndpoint.class);
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");

                server.pushQuotes("lv2_600519=09:30:00.120,1234567,1700.50,100");

                Level2Trade trade = context.getBean(QuoteApplication.class).trades.poll(30, TimeUnit.SECONDS);
                assertThat(trade).isNotNull();
                assertThat(trade.tradeId()).isEqualTo(1234567);
                awaitStatus(() -> health.healthForPath("jvq"), Status.UP);

                server.refuseNextDiscoveries(2);
                server.cutAll();

                awaitStatus(() -> health.healthForPath("jvq"), Status.DOWN);
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                awaitStatus(() -> health.healthForPath("jvq"), Status.UP);
                // the client saw its upgrade; the server may count it a moment later
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
                assertThat(server.acceptedConnectionCount()).isEqualTo(2);
            }
        }
    }

    private static void awaitStatus(Supplier<HealthComponent> health, Status status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HealthComponent last = health.get();
        while (!last.getStatus().equals(status)) {
            assertThat(System.nanoTime()).as("health %s within 30 s, last %s", status, last).isLessThan(deadline);
            Thread.sleep(10);
            last = health.get();
        }
    }
}
