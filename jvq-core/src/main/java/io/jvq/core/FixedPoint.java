package io.jvq.core;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Prices, amounts and percentages travel as fixed-point {@code long}s in units of 1/10,000
 * (four decimal places cover stocks at 0.01, bonds and funds at 0.001, and turnover in yuan).
 */
public final class FixedPoint {
    /** Decimal places kept. */
    public static final int SCALE = 4;
    /** The value of 1.0 in fixed point. */
    public static final long ONE = 10_000L;

    private FixedPoint() {
    }

    /** The exact decimal value, e.g. {@code 17005000 -> 1700.5000}. */
    public static BigDecimal toBigDecimal(long fixed) {
        return BigDecimal.valueOf(fixed, SCALE);
    }

    /**
     * The exact value as it is printed ({@link #format}): trailing zeros past the second decimal
     * dropped, e.g. {@code 15005200 -> 1500.52}, {@code 17005000 -> 1700.50}, {@code 1 -> 0.0001}.
     * Equal to {@link #toBigDecimal}'s by {@code compareTo}; its scale is 2 to 4.
     */
    public static BigDecimal toDecimal(long fixed) {
        long unscaled = fixed;
        int scale = SCALE;
        while (scale > 2 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    /** Exact conversion from a decimal; fails when it has more than four decimal places. */
    public static long of(BigDecimal value) {
        return value.setScale(SCALE).unscaledValue().longValueExact();
    }

    /** Convenience for tests and literals: {@code of("1700.50")}. */
    public static long of(String decimal) {
        return of(new BigDecimal(decimal));
    }

    /** The most bytes {@link #write} writes: a sign, 15 integer digits, the point and 4 decimals. */
    public static final int MAX_TEXT_BYTES = 21;

    /** Plain text with trailing zeros removed (at least two decimals kept), for logs. */
    public static String format(long fixed) {
        byte[] text = new byte[MAX_TEXT_BYTES];
        return new String(text, 0, write(text, 0, fixed), StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@link #format}'s text ({@code 17005000 -> 1700.50}, {@code 1 -> 0.0001}) as ASCII bytes
     * into {@code out} from {@code at}, which must have room for {@link #MAX_TEXT_BYTES}, without
     * allocating: the integer part, then the four decimals less trailing zeros, at least two kept.
     *
     * @return the index after the last byte written
     */
    public static int write(byte[] out, int at, long fixed) {
        boolean negative = fixed < 0;
        // Long.MIN_VALUE has no positive long: work on the negated magnitude, which always fits
        long magnitude = negative ? fixed : -fixed;
        if (negative) {
            out[at++] = '-';
        }
        long whole = -(magnitude / ONE);
        int fraction = (int) -(magnitude % ONE);
        at = Digits.write(out, at, whole);
        int places = SCALE;
        while (places > 2 && fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        out[at++] = '.';
        for (int scale = places == 4 ? 1000 : places == 3 ? 100 : 10; scale > 0; scale /= 10) {
            out[at++] = (byte) ('0' + fraction / scale % 10);
        }
        return at;
    }
}
