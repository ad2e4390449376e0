package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;

import java.util.Set;

/**
 * Produces one tick of quote text for {@link FakeJvQuant#startFeed}: lines {@code code=payload}
 * separated by {@code \n}, for (some of) the codes subscribed. The fake sends every connection only
 * the lines of its own codes. Called on the fake's feed thread, one tick at a time.
 */
@FunctionalInterface
public interface QuoteSource {

    /**
     * The next tick's quote lines.
     *
     * @param subscribed the union of every open connection's subscription (unmodifiable, maybe empty)
     * @return the tick's lines, or {@code null} / {@code ""} for nothing this tick
     */
    String nextTick(Set<SubscriptionCode> subscribed);
}
