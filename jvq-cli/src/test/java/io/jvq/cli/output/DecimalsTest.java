package io.jvq.cli.output;

import io.jvq.core.FixedPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    @Test
    void keepsAtLeastTwoDecimalsAsOnTheWire() {
        assertThat(Decimals.text(FixedPoint.of("1700.50"))).isEqualTo("1700.50");
        assertThat(Decimals.text(FixedPoint.of("1700"))).isEqualTo("1700.00");
        assertThat(Decimals.text(FixedPoint.of("100"))).isEqualTo("100.00");
        assertThat(Decimals.text(0)).isEqualTo("0.00");
    }

    @Test
    void keepsTheThirdAndFourthDecimalOfBondsAndFunds() {
        assertThat(Decimals.text(FixedPoint.of("10.123"))).isEqualTo("10.123");
        assertThat(Decimals.text(FixedPoint.of("0.0001"))).isEqualTo("0.0001");
    }

    @Test
    void negativeValuesAndSigns() {
        assertThat(Decimals.text(FixedPoint.of("-1.2"))).isEqualTo("-1.20");
        assertThat(Decimals.signed(FixedPoint.of("1.23"))).isEqualTo("+1.23");
        assertThat(Decimals.signed(FixedPoint.of("-0.4"))).isEqualTo("-0.40");
        assertThat(Decimals.signed(0)).isEqualTo("0.00");
    }

    @Test
    void largeTurnoverKeepsEveryDigitThatADoubleWouldLose() {
        // 18 significant digits: more than a double holds
        long amount = FixedPoint.of("98765432109876.5432");
        assertThat(Decimals.text(amount)).isEqualTo("98765432109876.5432");
        assertThat(String.valueOf((double) amount / FixedPoint.ONE)).isNotEqualTo("98765432109876.5432");
    }
}
