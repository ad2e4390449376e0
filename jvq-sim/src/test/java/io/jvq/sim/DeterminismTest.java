package io.jvq.sim;

import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private static MarketSimulator market(long seed) {
        return MarketSimulator.builder().seed(seed).startTime(LocalTime.of(9, 10)).tickInterval(Duration.ofSeconds(10)).build();
    }

    /** A script mixing every public call, returning all the text it produced. */
    private static List<String> script(MarketSimulator market) {
        Set<SubscriptionCode> codes = TradingDay.allLevels(TradingDay.SYMBOLS);
        List<String> out = new ArrayList<>();
        while (market.time().isBefore(LocalTime.of(10, 0))) {
            out.add(market.nextTick(codes));
        }
        out.add(market.lv2Line("600519", 5));
        out.add(market.lv1Line("600519"));
        out.add(market.lv10Line("127063"));
        out.add(new String(market.frameText(List.copyOf(codes), 16 * 1024), java.nio.charset.StandardCharsets.UTF_8));
        while (market.time().isBefore(LocalTime.of(15, 5))) {
            out.add(market.nextTick(codes));
        }
        return out;
    }

    @Test
    void theSameSeedAndTheSameCallsGiveIdenticalText() {
        assertThat(script(market(42))).isEqualTo(script(market(42)));
    }

    @Test
    void anotherSeedGivesAnotherMarket() {
        List<String> a = script(market(42));
        List<String> b = script(market(43));
        assertThat(a).hasSameSizeAs(b).isNotEqualTo(b);
    }

    @Test
    void theTextDoesNotDependOnTheSetsIterationOrder() {
        List<SubscriptionCode> ordered = new ArrayList<>(TradingDay.allLevels(TradingDay.SYMBOLS));
        List<SubscriptionCode> reversed = new ArrayList<>(ordered);
        java.util.Collections.reverse(reversed);
        MarketSimulator a = market(7);
        MarketSimulator b = market(7);
        Set<SubscriptionCode> forward = new LinkedHashSet<>(ordered);
        Set<SubscriptionCode> backward = new LinkedHashSet<>(reversed);
        Set<SubscriptionCode> hashed = new HashSet<>(ordered);
        for (int i = 0; i < 500; i++) {
            String expected = a.nextTick(forward);
            assertThat(b.nextTick(i % 2 == 0 ? backward : hashed)).isEqualTo(expected);
        }
    }

    @Test
    void aSecuritysLinesDoNotDependOnWhichOtherCodesAreSubscribed() {
        Set<SubscriptionCode> alone = TradingDay.allLevels(List.of("600519"));
        Set<SubscriptionCode> crowded = TradingDay.allLevels(TradingDay.SYMBOLS);
        List<String> aloneLines = TradingDay.run(market(9), alone, LocalTime.of(15, 1)).stream()
                .flatMap(t -> t.text().lines()).collect(Collectors.toList());
        List<String> crowdedLines = TradingDay.run(market(9), crowded, LocalTime.of(15, 1)).stream()
                .flatMap(t -> t.text().lines()).filter(l -> l.contains("_600519=")).collect(Collectors.toList());
        assertThat(aloneLines).isNotEmpty().isEqualTo(crowdedLines);
    }
}
