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
        // two digits per division, from a table
        while (negative <= -100) {
            int pair = (int) -(negative % 100);
            negative /= 100;
            out[--i] = PAIRS[2 * pair + 1];
            out[--i] = PAIRS[2 * pair];
        }
        if (negative <= -10) {
            int pair = (int) -negative;
            out[--i] = PAIRS[2 * pair + 1];
            out[--i] = PAIRS[2 * pair];
        } else {
            out[--i] = (byte) ('0' - negative);
        }
        return end;
    }

    /** "00" to "99", two bytes each. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
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
