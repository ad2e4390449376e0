package io.jvq.spring.boot3;

import io.jvq.core.client.JvqClient;
import io.jvq.spring.boot.common.ConnectionWatch;
import io.jvq.spring.boot.common.FeedHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;

/**
 * UP while the client is connected and the feed is fresh (a frame within {@code jvq.health.max-silence}),
 * DOWN with the reason otherwise: the rules of {@link ConnectionWatch}, reported through Boot 3's API.
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
        FeedHealth feed = watch.assess(client, maxSilence);
        return (feed.up() ? Health.up() : Health.down()).withDetails(feed.details()).build();
    }
}
