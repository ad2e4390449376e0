package io.jvq.spring.boot.common;

import io.jvq.core.client.FeedMetrics;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health rules: remembers why the client is not connected, and judges the feed UP while the client
 * is connected and a frame came within the allowed silence, DOWN with the reason otherwise.
 */
public final class ConnectionWatch implements QuoteListener {
    private volatile String notConnected = "not connected yet";

    @Override
    public void onConnectionEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected disconnected) {
            notConnected = disconnected.reason();
        } else if (event instanceof ConnectionEvent.Closed) {
            notConnected = "the client is closed";
        }
    }

    /** The last reason a connection ended or failed (token already redacted by the client). */
    public String notConnectedReason() {
        return notConnected;
    }

    /**
     * The feed's health now. {@code maxSilence} is {@code jvq.health.max-silence}: DOWN when connected but
     * no frame came for longer (counted from the connection's start when none came yet); zero checks the
     * connection only.
     */
    public FeedHealth assess(JvqClient client, Duration maxSilence) {
        FeedMetrics metrics = client.metrics();
        if (!metrics.connected()) {
            return FeedHealth.down("not connected: " + notConnected);
        }
        Duration uptime = metrics.uptime();
        // A frame from before this connection says nothing about it: count from the connection's start then.
        Duration silence = metrics.sinceLastFrame().filter(since -> since.compareTo(uptime) < 0).orElse(uptime);
        boolean stale = !maxSilence.isZero() && silence.compareTo(maxSilence) > 0;
        Map<String, Object> details = new LinkedHashMap<>();
        if (stale) {
            details.put("reason", "connected, but no frame for " + silence.toMillis()
                    + " ms (jvq.health.max-silence is " + maxSilence.toMillis() + " ms)");
        }
        details.put("connectedFor", uptime.toString());
        details.put("sinceLastFrame", silence.toString());
        details.put("subscriptions", client.subscriptions().size());
        metrics.lastLag().ifPresent(lag -> details.put("lastLagMillis", lag.toMillis()));
        return new FeedHealth(!stale, details);
    }
}
