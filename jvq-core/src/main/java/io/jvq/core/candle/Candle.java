package io.jvq.core.candle;

import io.jvq.core.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One candlestick (K-line bar) of one security, labelled by its end time as A-share platforms do:
 * the 09:31 one-minute bar holds the trades of [09:30, 09:31) and the opening auction's.
 * Prices and the amount are {@link FixedPoint} ({@code 1/10,000} yuan), so the amount, the sum of
 * price × quantity, is exact.
 *
 * @param symbol         e.g. {@code 600519}
 * @param endMinuteOfDay the label: minutes since midnight ({@code 571} is 09:31)
 * @param volume         shares (bonds: units) traded
 * @param trades         number of trades; 0 for a flat bar (no trade in its period: all four prices are
 *                       the previous close)
 * @param partial        true when the bar was still open when it was emitted (the input ended first)
 */
public record Candle(String symbol, CandlePeriod period, int endMinuteOfDay, long open, long high, long low,
                     long close, long volume, long amount, int trades, boolean partial) {

    public Candle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(period, "period");
    }

    public LocalTime end() {
        return LocalTime.of(endMinuteOfDay / 60, endMinuteOfDay % 60);
    }

    /** {@code HH:MM}. */
    public String endText() {
        int h = endMinuteOfDay / 60;
        int m = endMinuteOfDay % 60;
        return "" + (char) ('0' + h / 10) + (char) ('0' + h % 10) + ':' + (char) ('0' + m / 10) + (char) ('0' + m % 10);
    }

    /** True for a bar with no trade in its period. */
    public boolean isFlat() {
        return trades == 0;
    }

    /** Volume-weighted average price, amount ÷ volume, fixed point rounded half up; the close for a flat bar. */
    public long vwap() {
        if (volume == 0) {
            return close;
        }
        return vwapDecimal().setScale(FixedPoint.SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** Volume-weighted average price to eight decimals, half up; the close for a flat bar. */
    public BigDecimal vwapDecimal() {
        if (volume == 0) {
            return FixedPoint.toBigDecimal(close);
        }
        return FixedPoint.toBigDecimal(amount).divide(BigDecimal.valueOf(volume), 8, RoundingMode.HALF_UP);
    }

    /** The open in yuan, as printed: {@code 1700.50}. */
    public BigDecimal openDecimal() {
        return FixedPoint.toDecimal(open);
    }

    /** The high in yuan, as printed. */
    public BigDecimal highDecimal() {
        return FixedPoint.toDecimal(high);
    }

    /** The low in yuan, as printed. */
    public BigDecimal lowDecimal() {
        return FixedPoint.toDecimal(low);
    }

    /** The close in yuan, as printed. */
    public BigDecimal closeDecimal() {
        return FixedPoint.toDecimal(close);
    }

    /** The amount (the sum of price × quantity) in yuan, as printed: {@code 2040600.00}. */
    public BigDecimal amountDecimal() {
        return FixedPoint.toDecimal(amount);
    }

    /** For people: {@code Candle[600519 1m 10:01 O=1700.50 H=1701.00 L=1699.80 C=1700.20 V=1200 A=2040600.00 n=3]}. */
    @Override
    public String toString() {
        return "Candle[" + symbol + ' ' + period.label() + ' ' + endText()
                + " O=" + openDecimal().toPlainString() + " H=" + highDecimal().toPlainString()
                + " L=" + lowDecimal().toPlainString() + " C=" + closeDecimal().toPlainString()
                + " V=" + volume + " A=" + amountDecimal().toPlainString() + " n=" + trades
                + (partial ? " partial" : "") + ']';
    }
}
