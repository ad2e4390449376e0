package io.jvq.spring.boot;

import io.jvq.core.client.FeedMetrics;
import io.jvq.core.client.JvqClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;

/**
 * UP while the client is connected and the feed is fresh (a frame within {@code jvq.health.max-silence}),
 * DOWN with the reason otherwise: why the last connection ended, or how long the feed has been silent.
 */
public class JvqHealthIndicator implements HealthIndicator {
    private final JvqClient client;
    private final ConnectionWatch watch;
    private final Duration maxSilence;

    JvqHealthIndicator(JvqClient client, ConnectionWatch watch, Duration maxSilence) {
        this.client = client;
        this.watch = watch;
        this.maxSilence = maxSilence;
    }

    @Override
    public Health health() {
        FeedMetrics metrics = client.metrics();
        if (!metrics.connected()) {
            return Health.down().withDetail("reason", "not connected: " + watch.notConnectedReason()).build();
        }
        Duration uptime = metrics.uptime();
        // A frame from before this connection says nothing about it: count from the connection's start then.
        Duration silence = metrics.sinceLastFrame().filter(since -> since.compareTo(uptime) < 0).orElse(uptime);
        boolean stale = !maxSilence.isZero() && silence.compareTo(maxSilence) > 0;
        Health.Builder health = stale
                ? Health.down().withDetail("reason", "connected, but no frame for " + silence.toMillis()
                        + " ms (jvq.health.max-silence is " + maxSilence.toMillis() + " ms)")
                : Health.up();
        health.withDetail("connectedFor", uptime.toString())
                .withDetail("sinceLastFrame", silence.toString())
                .withDetail("subscriptions", client.subscriptions().size());
        metrics.lastLag().ifPresent(lag -> health.withDetail("lastLagMillis", lag.toMillis()));
        return health.build();
    }
}
