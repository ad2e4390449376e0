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
        BigDecimal d = toBigDecimal(fixed).stripTrailingZeros();
        return (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }
}
