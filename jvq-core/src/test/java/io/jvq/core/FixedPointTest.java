package io.jvq.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prices, amounts and percentages as longs in units of 1/10,000. */
class FixedPointTest {

    @ParameterizedTest
    @CsvSource({
            "1700.50, 17005000",
            "1700.5, 17005000",
            "123.456, 1234560",
            "-1.23, -12300",
            "0.0001, 1",
            "0, 0",
            "20987654321.50, 209876543215000",
            "1.23400, 12340",
    })
    void convertsDecimalsExactly(String decimal, long fixed) {
        assertThat(FixedPoint.of(decimal)).isEqualTo(fixed);
        assertThat(FixedPoint.toBigDecimal(fixed)).isEqualByComparingTo(decimal);
    }

    @Test
    void refusesToRoundOrOverflow() {
        assertThatThrownBy(() -> FixedPoint.of("1.23456")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedPoint.of("1e20")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedPoint.of("abc")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void keepsFourDecimalPlacesInTheExactView() {
        assertThat(FixedPoint.toBigDecimal(17005000)).isEqualTo(new BigDecimal("1700.5000"));
        assertThat(FixedPoint.ONE).isEqualTo(10_000L);
        assertThat(FixedPoint.SCALE).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({
            "17005000, 1700.50",
            "17005123, 1700.5123",
            "10, 0.001",
            "0, 0.00",
            "-12300, -1.23",
            "10000000, 1000.00",
    })
    void formatsForLogsWithAtLeastTwoDecimals(long fixed, String text) {
        assertThat(FixedPoint.format(fixed)).isEqualTo(text);
    }

    @Test
    void writesTheSameTextAsTheExactDecimalWouldGiveForAnyValue() {
        java.util.Random random = new java.util.Random(16);
        byte[] out = new byte[FixedPoint.MAX_TEXT_BYTES + 3];
        long[] edges = {0, 1, -1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 10_001, -10_000, 12_340,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (int i = 0; i < 200_000; i++) {
            long fixed = i < edges.length ? edges[i] : random.nextInt(4) == 0 ? random.nextLong()
                    : random.nextLong() % 100_000_000L;
            BigDecimal exact = FixedPoint.toBigDecimal(fixed).stripTrailingZeros();
            String expected = (exact.scale() < 2 ? exact.setScale(2) : exact).toPlainString();
            int end = FixedPoint.write(out, 3, fixed);
            assertThat(new String(out, 3, end - 3, java.nio.charset.StandardCharsets.US_ASCII)).as("%d", fixed)
                    .isEqualTo(expected);
        }
    }
}
