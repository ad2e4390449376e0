package io.jvq.sim;

/**
 * The simulator's arithmetic for its wire text (the fields themselves are written by jvq-core's
 * {@code QuoteLineWriter}, through {@link QuoteLines}).
 */
final class WireText {
    private WireText() {
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
