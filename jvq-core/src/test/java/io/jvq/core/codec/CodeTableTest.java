package io.jvq.core.codec;

import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes read from the wire are made once per distinct code and then looked up without allocating. */
class CodeTableTest {
    private final CodeTable table = new CodeTable();

    private SubscriptionCode lookup(String code) {
        byte[] bytes = ("x" + code + "=").getBytes(StandardCharsets.UTF_8);
        return table.lookup(bytes, 1, bytes.length - 1);
    }

    @Test
    void returnsTheSameInstanceForTheSameCode() {
        SubscriptionCode first = lookup("lv2_600519");

        assertThat(first).isEqualTo(SubscriptionCode.lv2("600519"));
        assertThat(lookup("lv2_600519")).isSameAs(first);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void tellsLevelsAndIndexSymbolsApart() {
        assertThat(lookup("lv1_000001")).isEqualTo(SubscriptionCode.lv1("000001"));
        assertThat(lookup("lv2_000001")).isEqualTo(SubscriptionCode.lv2("000001"));
        assertThat(lookup("lv10_000001")).isEqualTo(SubscriptionCode.lv10("000001"));
        assertThat(lookup("lv1_i000001")).isEqualTo(SubscriptionCode.lv1("i000001"));
        assertThat(table.size()).isEqualTo(4);
    }

    @Test
    void keepsEveryCodeCorrectWhileGrowing() {
        for (int i = 0; i < 20_000; i++) {
            String symbol = String.format("%06d", i * 37 % 1_000_000);
            assertThat(lookup("lv1_" + symbol)).isEqualTo(SubscriptionCode.lv1(symbol));
        }
        for (int i = 0; i < 20_000; i++) {
            String symbol = String.format("%06d", i * 37 % 1_000_000);
            assertThat(lookup("lv1_" + symbol).symbol()).isEqualTo(symbol);
        }
        assertThat(table.size()).isEqualTo(20_000);
    }

    @Test
    void stopsKeepingCodesPastItsLimitButStillDecodesThem() {
        for (int i = 0; i < CodeTable.MAX_ENTRIES + 10; i++) {
            lookup("lv2_" + String.format("%06d", i));
        }

        SubscriptionCode late = lookup("lv2_999999");

        assertThat(table.size()).isEqualTo(CodeTable.MAX_ENTRIES);
        assertThat(late).isEqualTo(SubscriptionCode.lv2("999999"));
        assertThat(lookup("lv2_999999")).isNotSameAs(late).isEqualTo(late);
        assertThat(lookup("lv2_000000")).isSameAs(lookup("lv2_000000"));
    }

    @Test
    void refusesWhatIsNotACode() {
        for (String bad : new String[]{"", "lv", "lv1", "lv1_", "lv3_600519", "lv1_60051", "lv1_6005199",
                "lv1_60051x", "lv100_600519", "lv10600519", "Lv1_600519", "lv1_i00000", "lv1_x000001"}) {
            assertThat(lookup(bad)).as(bad).isNull();
        }
    }
}
