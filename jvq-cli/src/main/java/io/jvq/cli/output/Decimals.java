package io.jvq.cli.output;

import io.jvq.core.FixedPoint;

import java.math.BigDecimal;

/**
 * Fixed-point values as exact decimals for output: trailing zeros stripped, at least two
 * decimals kept ({@code 1700.5000 -> 1700.50}, {@code 10.1230 -> 10.123}). No {@code double}
 * anywhere on the way, so the digits printed are the digits received.
 */
public final class Decimals {
    private Decimals() {
    }

    public static BigDecimal of(long fixed) {
        BigDecimal d = FixedPoint.toBigDecimal(fixed).stripTrailingZeros();
        return d.scale() < 2 ? d.setScale(2) : d;
    }

    /**
     * The shortest exact form, as candlestick JSON gives prices: {@code 1700.0000 -> 1700},
     * {@code 1700.5000 -> 1700.5}; never exponent notation.
     */
    public static BigDecimal shortest(long fixed) {
        BigDecimal d = FixedPoint.toBigDecimal(fixed).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Plain text, never exponent notation. */
    public static String text(long fixed) {
        return of(fixed).toPlainString();
    }

    /** With an explicit sign for rises: {@code +1.23}, {@code -0.40}, {@code 0.00}. */
    public static String signed(long fixed) {
        return fixed > 0 ? "+" + text(fixed) : text(fixed);
    }
}
