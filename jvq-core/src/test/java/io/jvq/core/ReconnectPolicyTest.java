package io.jvq.core;

import io.jvq.core.client.ReconnectPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backoff between connection attempts (the policy lives in io.jvq.core.client; this tests only
 * its public behaviour, from outside that package).
 */
class ReconnectPolicyTest {
    private static final ReconnectPolicy NO_JITTER =
            new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.0);

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        assertThat(new long[]{NO_JITTER.ceilingMillis(1), NO_JITTER.ceilingMillis(2), NO_JITTER.ceilingMillis(3),
                NO_JITTER.ceilingMillis(6), NO_JITTER.ceilingMillis(7), NO_JITTER.ceilingMillis(8)})
                .containsExactly(500, 1_000, 2_000, 16_000, 30_000, 30_000);
    }

    @Test
    void staysAtTheMaximumForEverLaterAttempts() {
        assertThat(NO_JITTER.ceilingMillis(10_000)).isEqualTo(30_000);
        assertThat(NO_JITTER.ceilingMillis(Integer.MAX_VALUE)).isEqualTo(30_000);
    }

    @Test
    void countsAttemptsFromOne() {
        assertThatThrownBy(() -> NO_JITTER.ceilingMillis(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attempt starts at 1: 0");
        assertThatThrownBy(() -> NO_JITTER.delayMillis(-1, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutJitterTheDelayIsTheCeiling() {
        RandomGenerator unused = () -> {
            throw new AssertionError("no random draw without jitter");
        };

        assertThat(NO_JITTER.delayMillis(3, unused)).isEqualTo(2_000);
    }

    @Test
    void jitterTakesUpToItsShareOffTheCeiling() {
        ReconnectPolicy policy = ReconnectPolicy.DEFAULT;   // 500 ms doubling to 30 s, 20% jitter
        SplittableRandom random = new SplittableRandom(42);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long delay = policy.delayMillis(4, random);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }

        assertThat(policy.ceilingMillis(4)).isEqualTo(4_000);
        assertThat(min).isBetween(3_200L, 3_250L);
        assertThat(max).isBetween(3_950L, 4_000L);
    }

    @Test
    void theExtremesOfTheDrawAreTheCeilingAndTheCeilingLessItsJitter() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.5);

        assertThat(policy.delayMillis(1, fixedDraw(0))).isEqualTo(1_000);
        assertThat(policy.delayMillis(1, fixedDraw(500))).isEqualTo(500);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofMillis(-1), Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay must be at least 1 ms");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay <= maxDelay");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0))
                .hasMessage("multiplier must be >= 1, got 0.5");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN, 0))
                .hasMessage("multiplier must be >= 1, got NaN");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.5))
                .hasMessage("jitter must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new ReconnectPolicy(null, Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesAnInitialDelayThatWouldNeverGrowIntoABackoff() {
        // 0 ms times any multiplier stays 0 ms (and so does 0.5 ms, counted in whole milliseconds):
        // every retry would be immediate, a reconnect storm however large maxDelay is.
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(30), 2, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialDelay must be at least 1 ms (a shorter one never grows into a backoff), got PT0S");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofNanos(500_000), Duration.ofSeconds(30), 2, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got PT0.0005S");
        assertThat(new ReconnectPolicy(Duration.ofMillis(1), Duration.ofSeconds(30), 2, 0).ceilingMillis(3))
                .isEqualTo(4);
    }

    /** A generator whose bounded draws all return {@code value}. */
    private static RandomGenerator fixedDraw(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("only bounded draws expected");
            }

            @Override
            public long nextLong(long bound) {
                assertThat(value).isLessThan(bound);
                return value;
            }
        };
    }
}
