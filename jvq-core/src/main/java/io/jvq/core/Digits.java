package io.jvq.core;

/** Decimal digits of a {@code long}, written as ASCII bytes without allocating. */
public final class Digits {
    /** The most bytes {@link #write} writes: a sign and 19 digits. */
    public static final int MAX_BYTES = 20;

    private Digits() {
    }

    /**
     * Writes {@code value} in decimal into {@code out} from {@code at}, which must have room for
     * {@link #MAX_BYTES}.
     *
     * @return the index after the last byte written
     */
    public static int write(byte[] out, int at, long value) {
        // on the negated value, so that Long.MIN_VALUE needs no special case
        long negative = value < 0 ? value : -value;
        if (value < 0) {
            out[at++] = '-';
        }
        int end = at + length(negative);
        int i = end;
        do {
            out[--i] = (byte) ('0' - negative % 10);
            negative /= 10;
        } while (negative != 0);
        return end;
    }

    /** The number of digits of {@code negative} (at most 0). */
    private static int length(long negative) {
        long bound = -10;
        for (int digits = 1; digits < 19; digits++) {
            if (negative > bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }
}
