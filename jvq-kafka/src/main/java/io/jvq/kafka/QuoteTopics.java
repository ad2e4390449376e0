package io.jvq.kafka;

import io.jvq.core.QuoteLevel;

import java.util.Objects;

/**
 * One topic per quote level: the prefix and the level's flag, {@code jvq.lv1}, {@code jvq.lv2} and
 * {@code jvq.lv10} by default. Records are keyed by the security code, so one code's records stay
 * in one partition, in order.
 */
public record QuoteTopics(String prefix) {
    public static final String DEFAULT_PREFIX = "jvq.";

    public QuoteTopics {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix '" + prefix
                    + "' may hold only letters, digits, '.', '_' and '-' (Kafka's topic characters)");
        }
    }

    public static QuoteTopics defaults() {
        return new QuoteTopics(DEFAULT_PREFIX);
    }

    public String topic(QuoteLevel level) {
        return prefix + level.flag();
    }

    /** The level a topic of this prefix carries, or null for any other topic. */
    public QuoteLevel levelOf(String topic) {
        if (!topic.startsWith(prefix)) {
            return null;
        }
        return QuoteLevel.ofFlag(topic.substring(prefix.length()));
    }
}
