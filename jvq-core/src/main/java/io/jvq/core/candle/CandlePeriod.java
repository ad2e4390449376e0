package io.jvq.core.candle;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/** The length of a candlestick: 1, 5, 15, 30 or 60 minutes of trading, or the whole day. */
public enum CandlePeriod {
    M1(1), M5(5), M15(15), M30(30), M60(60), D1(240);

    private final int minutes;

    CandlePeriod(int minutes) {
        this.minutes = minutes;
    }

    /** Minutes of trading one bar covers (the day: 240). */
    public int minutes() {
        return minutes;
    }

    /** {@code 1m}, {@code 5m}, … {@code 60m}, {@code 1d}. */
    public String label() {
        return this == D1 ? "1d" : minutes + "m";
    }

    /**
     * Parses a label ({@code 1m}, {@code 5m}, {@code 15m}, {@code 30m}, {@code 60m}, {@code 1d}).
     *
     * @throws IllegalArgumentException naming the text and the labels allowed
     */
    public static CandlePeriod parse(@Nullable String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (CandlePeriod period : values()) {
            if (period.label().equals(wanted)) {
                return period;
            }
        }
        throw new IllegalArgumentException("unknown candle period '" + label + "': expected 1m, 5m, 15m, 30m, 60m or 1d");
    }

    @Override
    public String toString() {
        return label();
    }
}
