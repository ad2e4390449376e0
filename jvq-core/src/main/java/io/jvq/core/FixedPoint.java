package io.jvq.core;

import java.math.BigDecimal;

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

    /** Exact conversion from a decimal; fails when it has more than four decimal places. */
    public static long of(BigDecimal value) {
        return value.setScale(SCALE).unscaledValue().longValueExact();
    }

    /** Convenience for tests and literals: {@code of("1700.50")}. */
    public static long of(String decimal) {
        return of(new BigDecimal(decimal));
    }

    /** Plain text with trailing zeros removed (at least two decimals kept), for logs. */
    public static String format(long fixed) {
        return append(new StringBuilder(24), fixed).toString();
    }

    /**
     * Appends {@link #format}'s text ({@code 17005000 -> 1700.50}, {@code 1 -> 0.0001}) without
     * allocating: the integer part, then the four decimals less trailing zeros, at least two kept.
     */
    public static StringBuilder append(StringBuilder out, long fixed) {
        if (fixed == Long.MIN_VALUE) { // its magnitude has no long
            BigDecimal d = toBigDecimal(fixed).stripTrailingZeros();
            return out.append((d.scale() < 2 ? d.setScale(2) : d).toPlainString());
        }
        if (fixed < 0) {
            out.append('-');
            fixed = -fixed;
        }
        out.append(fixed / ONE);
        int fraction = (int) (fixed % ONE);
        int places = SCALE;
        while (places > 2 && fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        out.append('.');
        for (int scale = places == 4 ? 1000 : places == 3 ? 100 : 10; scale > 0; scale /= 10) {
            out.append((char) ('0' + fraction / scale % 10));
        }
        return out;
    }
}
