package io.jvq.core.market;

import io.jvq.core.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityRulesTest {

    @ParameterizedTest(name = "{0} {1} after {2}: {3}% → {4} … {5}")
    @CsvSource({
        // prevClose × 1.1 = 1870.00, × 0.9 = 1530.00
        "600519, 贵州茅台, 1700.00, 10, 1870.00, 1530.00",
        // 12.35 × 1.1 = 13.585 → 13.59 (half up); × 0.9 = 11.115 → 11.12
        "000001, 平安银行, 12.35,  10, 13.59,   11.12",
        // ST on the main board: 5%; 3.33 × 1.05 = 3.4965 → 3.50, × 0.95 = 3.1635 → 3.16
        "600001, *ST某某,   3.33,   5,  3.50,    3.16",
        "000002, ST某某,    3.33,   5,  3.50,    3.16",
        // ST on ChiNext keeps 20%: 10.01 × 1.2 = 12.012 → 12.01, × 0.8 = 8.008 → 8.01
        "300001, ST某某,    10.01,  20, 12.01,   8.01",
        // bonds on 0.001: 123.457 × 1.2 = 148.1484 → 148.148, × 0.8 = 98.7656 → 98.766
        "127063, 贵轮转债,  123.457, 20, 148.148, 98.766",
        // a limit-down never reaches zero: one tick at least
        "600002, 某某股份,  0.01,   10, 0.01,    0.01",
    })
    void limitsArePrevCloseTimesOnePlusMinusPercentRoundedHalfUpToTheTick(String symbol, String name,
            String prevClose, int percent, String up, String down) {
        SecurityRules rules = SecurityRules.of(symbol, name);
        assertThat(rules.limitPercent()).isEqualTo(percent);
        assertThat(FixedPoint.format(rules.limitUp(FixedPoint.of(prevClose)))).isEqualTo(up);
        assertThat(FixedPoint.format(rules.limitDown(FixedPoint.of(prevClose)))).isEqualTo(down);
    }

    @Test
    void specialTreatmentIsReadFromTheName() {
        assertThat(SecurityRules.isSpecialTreatment("ST康美")).isTrue();
        assertThat(SecurityRules.isSpecialTreatment("*ST康美")).isTrue();
        assertThat(SecurityRules.isSpecialTreatment("贵州茅台")).isFalse();
        assertThat(SecurityRules.isSpecialTreatment(null)).isFalse();
    }

    @Test
    void anIndexHasNoLimitToCompute() {
        assertThatThrownBy(() -> SecurityRules.of("i000001", "上证指数").limitUp(FixedPoint.of("3000")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no price limit");
    }

    @Test
    void theTickTellsWhetherAPriceIsValid() {
        assertThat(SecurityRules.of("600519", "贵州茅台").isOnTick(FixedPoint.of("1700.01"))).isTrue();
        assertThat(SecurityRules.of("600519", "贵州茅台").isOnTick(FixedPoint.of("1700.015"))).isFalse();
        assertThat(SecurityRules.of("127063", "贵轮转债").isOnTick(FixedPoint.of("123.457"))).isTrue();
    }
}
