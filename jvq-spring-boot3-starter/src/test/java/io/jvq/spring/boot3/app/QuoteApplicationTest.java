package io.jvq.spring.boot3.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Spring Boot 3.5 application (on the JDK transport) with the starter, web and the actuator, against the fake server: it
 * receives quotes, {@code /actuator/health} over HTTP reports the {@code jvq} component UP, DOWN through
 * a drop, UP after the reconnect, and {@code /actuator/metrics} lists the client's meters.
 */
class QuoteApplicationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void receivesQuotesAndReportsHealthAndMetricsOverHttpThroughADrop() throws Exception {
        try (FakeJvQuant server = FakeJvQuant.start()) {
            // jvq.discovery-url aims the client at the fake server instead of jvQuant's.
            try (ConfigurableApplicationContext context = new SpringApplication(QuoteApplication.class).run(
                    "--jvq.token=" + server.token(), "--jvq.codes=lv2_600519", "--jvq.discovery-url=" + server.discoveryUrl(),
                    "--jvq.reconnect.initial-delay=1s", "--jvq.reconnect.max-delay=1s", "--jvq.reconnect.jitter=0",
                    "--server.port=0", "--server.address=127.0.0.1",
                    "--management.endpoints.web.exposure.include=health,metrics",
                    "--management.endpoint.health.show-details=always")) {
                int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                URI actuator = URI.create("http://127.0.0.1:" + port + "/actuator/");
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");

                server.pushQuotes("lv2_600519=09:30:00.120,1234567,1700.50,100");

                Level2Trade trade = context.getBean(QuoteApplication.class).trades.poll(30, TimeUnit.SECONDS);
                assertThat(trade).isNotNull();
                assertThat(trade.tradeId()).isEqualTo(1234567);
                JsonNode up = awaitJvqStatus(actuator, "UP");
                assertThat(up.get("details").get("subscriptions").asInt()).isEqualTo(1);
                assertThat(get(actuator.resolve("health")).get("components").has("jvq")).isTrue();

                List<String> meters = new ArrayList<>();
                get(actuator.resolve("metrics")).get("names").forEach(name -> meters.add(name.asText()));
                assertThat(meters).contains("jvq.feed.lag", "jvq.frames", "jvq.connected");
                JsonNode lag = get(actuator.resolve("metrics/jvq.feed.lag"));
                assertThat(lag.get("measurements").get(0).get("statistic").asText()).isEqualTo("COUNT");
                assertThat(lag.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);

                server.refuseNextDiscoveries(2);
                server.closeAll(1011, "maintenance");

                JsonNode down = awaitJvqStatus(actuator, "DOWN");
                assertThat(down.get("details").get("reason").asText()).startsWith("not connected");
                HttpResponse<String> whole = http.send(HttpRequest.newBuilder(actuator.resolve("health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(whole.statusCode()).isEqualTo(503);
                awaitJvqStatus(actuator, "UP");
                // the client saw its upgrade; the server may count it a moment later
                assertThat(server.takeCommand(Duration.ofSeconds(30)).text()).isEqualTo("all=lv2_600519");
                assertThat(server.acceptedConnectionCount()).isEqualTo(2);
            }
        }
    }

    private JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Polls {@code /actuator/health/jvq} until its status is {@code status}; returns that body. */
    private JsonNode awaitJvqStatus(URI actuator, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last = get(actuator.resolve("health/jvq"));
        while (!status.equals(last.get("status").asText())) {
            assertThat(System.nanoTime()).as("jvq health %s within 30 s, last %s", status, last).isLessThan(deadline);
            Thread.sleep(20);
            last = get(actuator.resolve("health/jvq"));
        }
        return last;
    }
}
