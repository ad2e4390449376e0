package io.jvq.sim;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.sim.WireLines.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FullMarketTest {
    private static final List<String> PREFIXES = List.of("600", "601", "603", "605", "688", "000", "001", "002",
            "003", "300", "301");

    @Test
    void theFullMarketHoldsAbout5300DistinctPlausibleStockSymbols() {
        List<String> symbols = MarketSimulator.fullMarketSymbols();
        assertThat(symbols).hasSizeBetween(5_200, 5_400).doesNotHaveDuplicates().isSorted();
        assertThat(symbols).allSatisfy(s -> {
            assertThat(SubscriptionCode.isValidSymbol(s)).isTrue();
            assertThat(PREFIXES).contains(s.substring(0, 3));
        });
        assertThat(PREFIXES).allSatisfy(p -> assertThat(symbols).anyMatch(s -> s.startsWith(p)));
        assertThat(symbols).contains("600519", "000001", "601318", "600036", "000858", "300750", "688981", "002594",
                "601012");
        assertThat(MarketSimulator.fullMarketSymbols()).isEqualTo(symbols);
        assertThatThrownBy(() -> symbols.add("600000")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fullMarketCodesCoverEverySymbolAtOneLevel() {
        List<SubscriptionCode> codes = MarketSimulator.fullMarketCodes(QuoteLevel.LV2);
        assertThat(codes).hasSameSizeAs(MarketSimulator.fullMarketSymbols());
        assertThat(codes).allSatisfy(c -> assertThat(c.level()).isEqualTo(QuoteLevel.LV2));
    }

    @Test
    void aFirehoseTickHasALineForEveryCode() {
        Set<SubscriptionCode> codes = new HashSet<>(MarketSimulator.fullMarketCodes(QuoteLevel.LV1));
        codes.addAll(MarketSimulator.fullMarketCodes(QuoteLevel.LV2));
        MarketSimulator market = MarketSimulator.builder().seed(2).tradesPerTick(1).build();
        for (int tick = 0; tick < 3; tick++) {
            List<Line> lines = WireLines.lines(market.nextTick(codes));
            assertThat(lines).hasSize(codes.size());
            Set<String> seen = new HashSet<>();
            for (Line line : lines) {
                seen.add(line.flag() + "_" + line.symbol());
            }
            assertThat(seen).hasSize(codes.size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 16 * 1024, 64 * 1024})
    void frameTextReachesTheTargetSizeWithinOneLine(int target) {
        MarketSimulator market = MarketSimulator.builder().seed(2).build();
        List<SubscriptionCode> codes = new ArrayList<>();
        for (String symbol : MarketSimulator.fullMarketSymbols().subList(0, 200)) {
            codes.add(SubscriptionCode.lv1(symbol));
            codes.add(SubscriptionCode.lv2(symbol));
        }
        codes.add(SubscriptionCode.lv10("600519"));
        byte[] frame = market.frameText(codes, target);
        String text = new String(frame, StandardCharsets.UTF_8);
        int longestLine = text.lines().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).max().orElseThrow();
        assertThat(frame.length).isGreaterThanOrEqualTo(target).isLessThan(target + longestLine);
        assertThat(text).endsWith("\n");
        assertThat(WireLines.lines(text)).allSatisfy(line -> {
            switch (line.flag()) {
                case "lv1" -> WireLines.lv1(line);
                case "lv2" -> WireLines.lv2(line);
                default -> WireLines.lv10(line);
            }
        });
    }

    @Test
    void aFrameSmallerThanOnePassRoundsAgainUntilItIsFull() {
        MarketSimulator market = MarketSimulator.builder().seed(2).build();
        byte[] frame = market.frameText(List.of(SubscriptionCode.lv1("600519")), 4096);
        List<Line> lines = WireLines.lines(new String(frame, StandardCharsets.UTF_8));
        assertThat(lines.size()).isGreaterThan(10);
        assertThat(lines).allSatisfy(l -> assertThat(l.symbol()).isEqualTo("600519"));
    }

    @Test
    void badInputIsRejectedWithAMessageNamingIt() {
        MarketSimulator market = MarketSimulator.builder().build();
        assertThatThrownBy(() -> market.lv1Line("60051")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'60051'");
        assertThatThrownBy(() -> market.lv2Line("600519", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trades");
        assertThatThrownBy(() -> market.frameText(List.of(), 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codes");
        assertThatThrownBy(() -> market.frameText(List.of(SubscriptionCode.lv1("600519")), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetBytes");
        assertThatThrownBy(() -> MarketSimulator.builder().tradesPerTick(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tradesPerTick");
        assertThatThrownBy(() -> MarketSimulator.builder().tickInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tickInterval");
        assertThatThrownBy(() -> MarketSimulator.builder().volatilityBps(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volatilityBps");
    }
}
