package io.jvq.core.candle;

import io.jvq.core.FixedPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A candle reads as a person expects: prices in yuan with two to four decimals, not fixed-point longs. */
class CandleAsPrintedTest {
    private final Candle bar = new Candle("600519", CandlePeriod.M1, 10 * 60 + 1,
            FixedPoint.of(new BigDecimal("1700.50")), FixedPoint.of(new BigDecimal("1701")),
            FixedPoint.of(new BigDecimal("1699.8")), FixedPoint.of(new BigDecimal("1700.2")),
            1200, FixedPoint.of(new BigDecimal("2040600")), 3, false);

    @Test
    void pricesAndTheAmountHaveDecimalAccessors() {
        assertThat(bar.openDecimal()).hasToString("1700.50");
        assertThat(bar.highDecimal()).hasToString("1701.00");
        assertThat(bar.lowDecimal()).hasToString("1699.80");
        assertThat(bar.closeDecimal()).hasToString("1700.20");
        assertThat(bar.amountDecimal()).hasToString("2040600.00");
    }

    @Test
    void toStringShowsTheBarAsAChartWouldLabelIt() {
        assertThat(bar).hasToString("Candle[600519 1m 10:01 O=1700.50 H=1701.00 L=1699.80 C=1700.20 V=1200"
                + " A=2040600.00 n=3]");
    }

    @Test
    void aPartialBarSaysSo() {
        Candle partial = new Candle("000001", CandlePeriod.M5, 9 * 60 + 35, 105_000, 105_000, 105_000, 105_000,
                100, 10_500_000, 1, true);
        assertThat(partial.toString()).endsWith(" n=1 partial]").contains("000001 5m 09:35 O=10.50");
    }
}
