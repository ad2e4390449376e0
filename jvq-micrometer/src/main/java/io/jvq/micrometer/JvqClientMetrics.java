package io.jvq.micrometer;

import io.jvq.core.client.ClientStats;
import io.jvq.core.client.JvqClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
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
 * as each frame arrives, from the bind on. {@link #close()} removes every meter it registered and
 * stops listening to the client (the client may live on, bound again by a new binder).
 */
public final class JvqClientMetrics implements MeterBinder, AutoCloseable {
    private final JvqClient client;
    private final Tags tags;
    private final RegisteredMeters registered = new RegisteredMeters("JvqClientMetrics");

    public JvqClientMetrics(JvqClient client) {
        this(client, Tags.empty());
    }

    public JvqClientMetrics(JvqClient client, Iterable<Tag> tags) {
        this.client = Objects.requireNonNull(client, "client");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        registered.checkOpen();
        counter(registry, JvqMeters.FRAMES, "binary frames received", JvqMeters.UNIT_FRAMES, ClientStats::framesReceived);
        counter(registry, JvqMeters.FRAMES_COMPRESSED, "bytes of the binary frames received, as the server sent them"
                + " (raw DEFLATE)", BaseUnits.BYTES, ClientStats::bytesReceived);
        counter(registry, JvqMeters.FRAMES_UNDELIVERED, "frames that arrived after their connection's end",
                JvqMeters.UNIT_FRAMES, ClientStats::undeliveredFrames);
        counter(registry, JvqMeters.DELIVERED, "quotes, trades and books handed to the listener or sink",
                JvqMeters.UNIT_QUOTES, ClientStats::quoteEvents);
        counter(registry, JvqMeters.UNDELIVERED, "quotes of a frame cut short by the end of their connection",
                JvqMeters.UNIT_QUOTES, ClientStats::undeliveredRecords);
        counter(registry, JvqMeters.CONNECTIONS, "connections opened and subscribed", BaseUnits.CONNECTIONS,
                ClientStats::connections);
        counter(registry, JvqMeters.RECONNECTS, "reconnections scheduled (after a failed attempt or a lost connection)",
                null, ClientStats::reconnects);
        counter(registry, JvqMeters.DISCOVERY_FAILURES, "discovery calls that failed or were refused", null,
                ClientStats::discoveryFailures);
        counter(registry, JvqMeters.LISTENER_FAILURES, "feed events the listener or sink threw on", BaseUnits.EVENTS,
                ClientStats::listenerFailures);
        counter(registry, JvqMeters.DISPATCH_DROPPED, "feed events the bounded dispatch queue dropped", BaseUnits.EVENTS,
                ClientStats::droppedEvents);
        registered.add(registry, Gauge.builder(JvqMeters.DISPATCH_QUEUED_PEAK, client, c -> c.stats().peakQueuedEvents())
                .description("the most feed events the bounded dispatch queue held at once").baseUnit(BaseUnits.EVENTS)
                .tags(tags).register(registry));
        new FeedMeters(client.metrics(), tags, registered).bindTo(registry);
    }

    /** Removes every meter this binder registered, from every registry, and stops listening to the client. */
    @Override
    public void close() {
        registered.close();
    }

    private void counter(MeterRegistry registry, String name, String description, @Nullable String unit,
                         ToLongFunction<ClientStats> count) {
        registered.add(registry, FunctionCounter.builder(name, client, c -> count.applyAsLong(c.stats()))
                .description(description).baseUnit(unit).tags(tags).register(registry));
    }
}
