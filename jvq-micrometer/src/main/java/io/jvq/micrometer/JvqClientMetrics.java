package io.jvq.micrometer;

import io.jvq.core.client.ClientStats;
import io.jvq.core.client.JvqClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Binds a {@link JvqClient}'s counters and its {@link io.jvq.core.client.FeedMetrics feed metrics}
 * to a Micrometer registry:
 *
 * <pre>{@code
 * new JvqClientMetrics(client, Tags.of("feed", "main")).bindTo(registry);
 * }</pre>
 *
 * The meters and their names are listed in {@link JvqMeters}; every one carries the given tags, so
 * that two clients (or a client and another quote source) can be bound to one registry side by side.
 * Counters and gauges read the client when the registry is scraped; {@code jvq.feed.lag} is recorded
 * as each frame arrives, from the bind on.
 */
public final class JvqClientMetrics implements MeterBinder {
    private final JvqClient client;
    private final Tags tags;

    public JvqClientMetrics(JvqClient client) {
        this(client, Tags.empty());
    }

    public JvqClientMetrics(JvqClient client, Iterable<Tag> tags) {
        this.client = Objects.requireNonNull(client, "client");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, JvqMeters.FRAMES, "binary frames received", null, ClientStats::framesReceived);
        FunctionCounter.builder(JvqMeters.FRAME_BYTES, client, c -> c.stats().bytesReceived())
                .description("bytes of the binary frames received, as sent (compressed) and inflated")
                .baseUnit("bytes").tags(tags).tag("form", "compressed").register(registry);
        counter(registry, JvqMeters.DELIVERED, "quotes, trades and books handed to the listener or sink", null,
                ClientStats::quoteEvents);
        counter(registry, JvqMeters.CONNECTIONS, "connections opened and subscribed", null, ClientStats::connections);
        counter(registry, JvqMeters.RECONNECTS, "reconnections scheduled (after a failed attempt or a lost connection)",
                null, ClientStats::reconnects);
        counter(registry, JvqMeters.DISCOVERY_FAILURES, "discovery calls that failed or were refused", null,
                ClientStats::discoveryFailures);
        counter(registry, JvqMeters.LISTENER_FAILURES, "events the listener or sink threw on", null,
                ClientStats::listenerFailures);
        counter(registry, JvqMeters.DISPATCH_DROPPED, "feed events the bounded dispatch queue dropped", null,
                ClientStats::droppedEvents);
        FunctionCounter.builder(JvqMeters.UNDELIVERED, client, c -> c.stats().undeliveredRecords())
                .description("quotes of a frame cut short by the end of their connection, or frames that"
                        + " arrived after it").tags(tags).tag("what", "records").register(registry);
        FunctionCounter.builder(JvqMeters.UNDELIVERED, client, c -> c.stats().undeliveredFrames())
                .description("quotes of a frame cut short by the end of their connection, or frames that"
                        + " arrived after it").tags(tags).tag("what", "frames").register(registry);
        Gauge.builder(JvqMeters.DISPATCH_QUEUED_PEAK, client, c -> c.stats().peakQueuedEvents())
                .description("the most feed events the bounded dispatch queue held at once")
                .tags(tags).register(registry);
        new FeedMeters(client.metrics(), tags).bindTo(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, @Nullable String unit,
                         ToLongFunction<ClientStats> count) {
        FunctionCounter.builder(name, client, c -> count.applyAsLong(c.stats()))
                .description(description).baseUnit(unit).tags(tags).register(registry);
    }
}
