package io.jvq.micrometer;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.FeedMetrics;
import io.jvq.core.client.JvqClient;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.transport.vertx.JvqVertx;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The series names the README's Prometheus section shows, as a Prometheus registry writes them. */
class PrometheusScrapeTest {

    @Test
    void theScrapeHasTheDocumentedSeries() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FakeJvQuant server = FakeJvQuant.start()) {
            ClientOptions options = server.clientOptions().build();
            // --- README: Metrics
            JvqClient client = JvqVertx.clientBuilder(options).build();
            new JvqClientMetrics(client, Tags.of("feed", "main")).bindTo(registry);
            // --- end
            try {
                client.subscribe(SubscriptionCode.lv2("600519"));
                client.start();
                server.takeCommand(Duration.ofSeconds(30));
                LocalTime now = LocalTime.now(FeedMetrics.EXCHANGE_ZONE);
                server.pushQuotes("lv2_600519=" + TimeOfDay.format(TimeOfDay.of(now), true) + ",1,1700.50,100");
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (client.metrics().lagHistogram().count() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }

                String scrape = registry.scrape();

                assertThat(scrape).contains("jvq_frames_total{feed=\"main\"} 1.0",
                        "jvq_quotes_total{feed=\"main\",level=\"lv2\"} 1.0",
                        "jvq_connected{feed=\"main\"} 1.0",
                        "jvq_feed_lag_seconds_count{feed=\"main\"} 1",
                        "jvq_feed_lag_seconds_bucket{feed=\"main\",le=\"+Inf\"} 1",
                        "jvq_feed_lag_last_seconds{feed=\"main\"}",
                        "jvq_feed_last_frame_age_seconds{feed=\"main\"}",
                        "jvq_connection_uptime_seconds{feed=\"main\"}",
                        "jvq_decode_errors_total{feed=\"main\",kind=\"line\"} 0.0",
                        "jvq_reconnects_total{feed=\"main\"} 0.0",
                        "jvq_discovery_failures_total{feed=\"main\"} 0.0",
                        "jvq_frames_compressed_bytes_total{feed=\"main\"}",
                        "jvq_frames_inflated_bytes_total{feed=\"main\"}",
                        "jvq_frames_undelivered_frames_total{feed=\"main\"} 0.0",
                        "jvq_quotes_delivered_quotes_total{feed=\"main\"} 1.0",
                        "jvq_quotes_undelivered_quotes_total{feed=\"main\"} 0.0",
                        "jvq_connections_total{feed=\"main\"} 1.0",
                        "jvq_listener_failures_events_total{feed=\"main\"} 0.0",
                        "jvq_dispatch_dropped_events_total{feed=\"main\"} 0.0",
                        "jvq_dispatch_queued_events{feed=\"main\"} 0.0",
                        "jvq_dispatch_queued_peak_events{feed=\"main\"}");
            } finally {
                client.close();
            }
        }
    }
}
