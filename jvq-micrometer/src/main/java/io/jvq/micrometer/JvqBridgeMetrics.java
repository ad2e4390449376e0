package io.jvq.micrometer;

import io.jvq.kafka.BridgeStats;
import io.jvq.kafka.KafkaQuoteBridge;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Binds a {@link KafkaQuoteBridge}'s {@link BridgeStats} to a Micrometer registry: quotes
 * received, published, dropped and failed, the buffer's depth, the quotes in flight and the
 * bridge's state. Needs {@code jvq-kafka} on the class path (an optional dependency of this module):
 *
 * <pre>{@code
 * new JvqBridgeMetrics(bridge, Tags.of("feed", "main")).bindTo(registry);
 * }</pre>
 *
 * The names are in {@link JvqMeters} ({@code jvq.bridge.*}). Every meter reads the bridge when the
 * registry is scraped; nothing is added to the bridge's path. {@link #close()} removes them.
 */
public final class JvqBridgeMetrics implements MeterBinder, AutoCloseable {
    private final KafkaQuoteBridge bridge;
    private final Tags tags;
    private final RegisteredMeters registered = new RegisteredMeters("JvqBridgeMetrics");

    public JvqBridgeMetrics(KafkaQuoteBridge bridge) {
        this(bridge, Tags.empty());
    }

    public JvqBridgeMetrics(KafkaQuoteBridge bridge, Iterable<Tag> tags) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        registered.checkOpen();
        counter(registry, JvqMeters.BRIDGE_RECEIVED, "quotes the bridge was given by its client", BridgeStats::received);
        counter(registry, JvqMeters.BRIDGE_PUBLISHED, "quotes Kafka acknowledged", BridgeStats::published);
        counter(registry, JvqMeters.BRIDGE_DROPPED, "quotes dropped: the buffer toward Kafka stayed full, given after"
                + " close, or still buffered when close timed out", BridgeStats::dropped);
        counter(registry, JvqMeters.BRIDGE_FAILED, "quotes Kafka did not take: refused, or failed after its retries",
                BridgeStats::failed);
        registered.add(registry, Gauge.builder(JvqMeters.BRIDGE_BUFFERED, bridge, b -> b.stats().buffered())
                .description("quotes waiting in the bridge's buffer").baseUnit(JvqMeters.UNIT_QUOTES)
                .tags(tags).register(registry));
        registered.add(registry, Gauge.builder(JvqMeters.BRIDGE_IN_FLIGHT, bridge, b -> b.stats().inFlight())
                .description("quotes handed to the producer and not yet acknowledged or failed")
                .baseUnit(JvqMeters.UNIT_QUOTES).tags(tags).register(registry));
        // one series per state, 1 for the current one: an enum as Prometheus and dashboards count it
        for (BridgeStats.State state : BridgeStats.State.values()) {
            registered.add(registry, Gauge.builder(JvqMeters.BRIDGE_STATE, bridge, b -> b.stats().state() == state ? 1 : 0)
                    .description("1 for the bridge's state now (running, failing, stopped, closed), 0 for the others")
                    .tags(tags).tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /** Removes every meter this binder registered, from every registry. The bridge is left as it is. */
    @Override
    public void close() {
        registered.close();
    }

    private void counter(MeterRegistry registry, String name, String description, ToLongFunction<BridgeStats> count) {
        registered.add(registry, FunctionCounter.builder(name, bridge, b -> count.applyAsLong(b.stats()))
                .description(description).baseUnit(JvqMeters.UNIT_QUOTES).tags(tags).register(registry));
    }
}
