package io.jvq.sim;

/**
 * Appends wire fields to a {@link StringBuilder} exactly, from fixed-point integers, without
 * {@code String.format} or floating point.
 */
final class WireText {
    private WireText() {
    }

    /** {@code HH:MM:SS}, or {@code HH:MM:SS.mmm} with milliseconds. */
    static void time(StringBuilder out, int millisOfDay, boolean withMillis) {
        int seconds = millisOfDay / 1000;
        two(out, seconds / 3600);
        out.append(':');
        two(out, seconds / 60 % 60);
        out.append(':');
        two(out, seconds % 60);
        if (withMillis) {
            int ms = millisOfDay % 1000;
            out.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10))
                    .append((char) ('0' + ms % 10));
        }
    }

    /** A price held in thousandths of a yuan, with 2 or 3 decimals; an empty level's 0 is written {@code 0}. */
    static void price(StringBuilder out, long milli, int decimals) {
        if (milli == 0) {
            out.append('0');
        } else if (decimals == 3) {
            fixed(out, milli, 1000);
        } else {
            fixed(out, milli / 10, 100);
        }
    }

    /** A value in hundredths (turnover in fen, change in hundredths of a percent), signed, 2 decimals. */
    static void hundredths(StringBuilder out, long hundredths) {
        if (hundredths < 0) {
            out.append('-');
            hundredths = -hundredths;
        }
        fixed(out, hundredths, 100);
    }

    /**
     * The change in percent, in hundredths of a percent: {@code (price - prevClose) / prevClose × 100},
     * rounded half away from zero.
     */
    static long changeHundredthsOfPercent(long price, long prevClose) {
        long numerator = (price - prevClose) * 10_000;
        long quotient = Math.abs(numerator) / prevClose;
        long remainder = Math.abs(numerator) % prevClose;
        if (2 * remainder >= prevClose) {
            quotient++;
        }
        return numerator < 0 ? -quotient : quotient;
    }

    /** {@code value / unit} with as many decimals as {@code unit} has zeros. */
    private static void fixed(StringBuilder out, long value, int unit) {
        out.append(value / unit).append('.');
        long fraction = value % unit;
        for (int divisor = unit / 10; divisor >= 1; divisor /= 10) {
            out.append((char) ('0' + fraction / divisor % 10));
        }
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The UTF-8 length of {@code text[from, to)} (the simulator writes BMP characters only). */
    static int utf8Length(CharSequence text, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
