package io.jvq.sim;

/**
 * SplitMix64: a tiny, fast generator whose output is fixed by its algorithm (unlike
 * {@link java.util.Random} subclasses, it cannot change under us between JDK releases), so a
 * seed reproduces the same market text everywhere.
 */
final class SplitMix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; the modulo bias is irrelevant for a simulator. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in {@code [-k, k]}. */
    int nextSymmetric(int k) {
        return nextInt(2 * k + 1) - k;
    }

    /** The SplitMix64 finaliser: a good bijective scrambler of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A well-spread seed for one stream, derived from a master seed and a salt. */
    static long derive(long seed, long salt) {
        return mix(seed ^ mix(salt + GOLDEN));
    }
}
