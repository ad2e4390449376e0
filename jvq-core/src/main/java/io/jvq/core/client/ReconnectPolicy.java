package io.jvq.core.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter between connection attempts.
 * Attempt {@code n} (1-based, counting failures since the last good connection) waits
 * {@code min(max, initial * multiplier^(n-1))}, then a random part of it, up to {@code jitter}
 * (0 … 1), is taken off, so that many clients do not reconnect in step.
 *
 * <p>A connection is <em>good</em>, and starts the count over, only once it has delivered a quote
 * frame or stayed up for {@code stableAfter}. A server that accepts the upgrade and closes at once
 * (an overloaded server, or one refusing a token's extra connection with close code 1013 or 1008)
 * is a failure like any other, so the waits keep growing instead of starting over every time.
 *
 * @param stableAfter how long a connection that delivers no quote (an empty subscription, a quiet
 *                    market) must stay up to count as good; 10 s by default
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                              Duration stableAfter) {

    /** How long a connection must stay up to count as good when it delivers no quote. */
    public static final Duration DEFAULT_STABLE_AFTER = Duration.ofSeconds(10);

    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

    /** A policy whose connections count as good after {@link #DEFAULT_STABLE_AFTER} or their first quote frame. */
    public ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
        this(initialDelay, maxDelay, multiplier, jitter, DEFAULT_STABLE_AFTER);
    }

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(stableAfter, "stableAfter");
        if (stableAfter.isNegative() || stableAfter.isZero()) {
            throw new IllegalArgumentException("stableAfter must be positive (a connection that counts as good the"
                    + " moment it opens lets an accept-then-close server cause a reconnect storm), got " + stableAfter);
        }
        // Delays count in whole milliseconds and grow by multiplying: a 0 ms start stays 0 ms.
        if (initialDelay.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("initialDelay must be at least 1 ms (a shorter one never grows into"
                    + " a backoff), got " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need initialDelay <= maxDelay, got " + initialDelay + ", " + maxDelay);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
        }
    }

    /** This policy with another {@link #stableAfter()}. */
    public ReconnectPolicy withStableAfter(Duration stableAfter) {
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, stableAfter);
    }

    /** The delay before attempt {@code attempt} (1-based), jitter drawn from {@code random}. */
    public long delayMillis(int attempt, RandomGenerator random) {
        long ceiling = ceilingMillis(attempt);
        long jitterSpan = (long) (ceiling * jitter);
        return ceiling - (jitterSpan == 0 ? 0 : random.nextLong(jitterSpan + 1));
    }

    /** The delay before attempt {@code attempt} without jitter: the most it can be. */
    public long ceilingMillis(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        double delay = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return (long) Math.min(delay, (double) maxDelay.toMillis());
    }
}
