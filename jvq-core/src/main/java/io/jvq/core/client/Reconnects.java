package io.jvq.core.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The backoff between attempts: counts the attempts that failed since the last good connection,
 * draws each wait from the policy, and holds the one pending attempt so that close can call it off.
 * An open connection is not yet a good one ({@link ReconnectPolicy}): the count starts over only
 * when the session says a connection has {@link #proven proven} itself.
 * Guarded by the session's lock.
 */
final class Reconnects {
    private final ReconnectPolicy policy;
    private final RandomGenerator random;
    private final SessionScheduler scheduler;
    private int failures;
    private SessionScheduler.Cancellable pending = SessionScheduler.Cancellable.NONE;

    Reconnects(ReconnectPolicy policy, RandomGenerator random, SessionScheduler scheduler) {
        this.policy = policy;
        this.random = random;
        this.scheduler = scheduler;
    }

    /** Failed attempts since the last good connection: the attempt number a new attempt reports. */
    int failures() {
        return failures;
    }

    /** One more attempt failed: its number, for the delay before the next one. */
    int failed() {
        return ++failures;
    }

    /** The policy's wait before attempt {@code attempt}, jitter drawn from the injected random. */
    long delayMillis(int attempt) {
        return policy.delayMillis(attempt, random);
    }

    /** How long a connection that delivers no quote must stay up to count as good. */
    Duration stableAfter() {
        return policy.stableAfter();
    }

    /** The current connection delivered a quote frame or stayed up long enough: the count starts over. */
    void proven() {
        failures = 0;
    }

    /** Runs {@code attempt} after {@code delayMillis}. */
    void schedule(Runnable attempt, long delayMillis) {
        pending = scheduler.schedule(attempt, Duration.ofMillis(delayMillis));
    }

    /** The pending attempt has begun: nothing to call off any more. */
    void began() {
        pending = SessionScheduler.Cancellable.NONE;
    }

    /** Calls the pending attempt off, if any. */
    void cancel() {
        pending.cancel();
        pending = SessionScheduler.Cancellable.NONE;
    }
}
