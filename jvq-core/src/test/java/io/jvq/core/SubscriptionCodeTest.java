package io.jvq.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Subscription codes of docs/PROTOCOL.md §3: {@code <flag>_<symbol>}, checked before anything is sent. */
class SubscriptionCodeTest {

    @Test
    void parsesTheProtocolsExamples() {
        assertThat(SubscriptionCode.parse("lv1_600519")).isEqualTo(new SubscriptionCode(QuoteLevel.LV1, "600519"));
        assertThat(SubscriptionCode.parse("lv2_127063")).isEqualTo(SubscriptionCode.lv2("127063"));
        assertThat(SubscriptionCode.parse("lv10_688981")).isEqualTo(SubscriptionCode.lv10("688981"));
        assertThat(SubscriptionCode.parse("lv1_i000001")).isEqualTo(SubscriptionCode.lv1("i000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lv1_600519", "lv2_000001", "lv10_300750", "lv1_i000001"})
    void writesBackTheWireFormItWasParsedFrom(String wire) {
        SubscriptionCode code = SubscriptionCode.parse(wire);

        assertThat(code.wire()).isEqualTo(wire);
        assertThat(code).hasToString(wire);
    }

    @Test
    void rejectsACodeWithoutUnderscore() {
        assertThatThrownBy(() -> SubscriptionCode.parse("600519"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid subscription code '600519': expected <flag>_<symbol>, e.g. lv1_600519");
    }

    @Test
    void rejectsAnUnknownFlagNamingIt() {
        assertThatThrownBy(() -> SubscriptionCode.parse("lv3_600519"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid subscription code 'lv3_600519': unknown quote flag 'lv3' (expected lv1, lv2 or lv10)");
        assertThatThrownBy(() -> SubscriptionCode.parse("LV1_600519"))
                .hasMessageContaining("unknown quote flag 'LV1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lv1_", "lv1_60051", "lv1_6005190", "lv1_60051x", "lv1_i00001", "lv1_j000001",
            "lv1_i0000011", "lv1_600519_x", "lv1_６００５１９", "lv1_ 600519"})
    void rejectsABadSymbolNamingTheCode(String code) {
        assertThatThrownBy(() -> SubscriptionCode.parse(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid subscription code '" + code
                        + "': symbol must be six digits (600519) or i and six digits (i000001)");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> SubscriptionCode.parse(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("subscription code is null");
    }

    @Test
    void keepsMessagesReadableForHugeOrControlCharacterInput() {
        String huge = "lv1_" + "9".repeat(1000);

        assertThatThrownBy(() -> SubscriptionCode.parse(huge))
                .hasMessageStartingWith("invalid subscription code '" + huge.substring(0, 64) + "…'");
        assertThatThrownBy(() -> SubscriptionCode.parse("lv1_60\n519"))
                .hasMessageStartingWith("invalid subscription code 'lv1_60?519'");
    }

    @Test
    void theConstructorChecksTheSymbolToo() {
        assertThatThrownBy(() -> SubscriptionCode.lv1("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid security symbol 'abc': expected six digits (600519) or i and six digits (i000001)");
        assertThatThrownBy(() -> new SubscriptionCode(null, "600519"))
                .isInstanceOf(NullPointerException.class).hasMessage("level");
        assertThatThrownBy(() -> new SubscriptionCode(QuoteLevel.LV1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("symbol");
    }

    @Test
    void parseAllFailsOnTheFirstBadCodeAndNamesIt() {
        assertThat(SubscriptionCode.parseAll("lv1_600519", "lv2_127063"))
                .containsExactly(SubscriptionCode.lv1("600519"), SubscriptionCode.lv2("127063"));
        assertThatThrownBy(() -> SubscriptionCode.parseAll(List.of("lv1_600519", "lv2_12706", "bad")))
                .hasMessageContaining("'lv2_12706'");
    }

    @Test
    void knowsEachFlag() {
        assertThat(QuoteLevel.ofFlag("lv10")).isEqualTo(QuoteLevel.LV10);
        assertThat(QuoteLevel.ofFlag("lv4")).isNull();
        assertThat(QuoteLevel.LV2.flag()).isEqualTo("lv2");
    }
}
