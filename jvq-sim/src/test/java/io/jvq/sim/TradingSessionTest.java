package io.jvq.sim;

import io.jvq.core.SubscriptionCode;
import io.jvq.sim.WireLines.Line;
import io.jvq.sim.WireLines.Lv1;
import io.jvq.sim.WireLines.Trade;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradingSessionTest {
    private static final int UNCROSS = WireLines.millis("09:25:00.000");
    private static final int MORNING_OPEN = WireLines.millis("09:30:00.000");
    private static final int MORNING_CLOSE = WireLines.millis("11:30:00.000");
    private static final int AFTERNOON_OPEN = WireLines.millis("13:00:00.000");
    private static final int CLOSE = WireLines.millis("15:00:00.000");

    private static MarketSimulator market(LocalTime start, int intervalSeconds) {
        return MarketSimulator.builder().seed(17).startTime(start).tickInterval(Duration.ofSeconds(intervalSeconds)).build();
    }

    @Test
    void theClockStopsAtPhaseBoundariesAndJumpsOverLunch() {
        MarketSimulator market = market(LocalTime.of(11, 29, 58), 3);
        Set<SubscriptionCode> none = Set.of();
        market.nextTick(none);
        assertThat(market.time()).isEqualTo(LocalTime.of(11, 30));
        market.nextTick(none);
        assertThat(market.time()).isEqualTo(LocalTime.of(13, 0, 3));

        MarketSimulator opening = market(LocalTime.of(9, 14, 58), 3);
        opening.nextTick(none);
        assertThat(opening.time()).isEqualTo(LocalTime.of(9, 15));
    }

    @Test
    void tradesHappenOnlyAtTheUncrossAndInContinuousTrading() {
        MarketSimulator market = market(LocalTime.of(9, 0), 30);
        List<String> symbols = TradingDay.SYMBOLS;
        List<Trade> trades = new ArrayList<>();
        for (Line line : TradingDay.lines(TradingDay.run(market, TradingDay.allLevels(symbols), LocalTime.of(16, 0)))) {
            if (line.flag().equals("lv2")) {
                trades.addAll(WireLines.lv2(line));
            }
        }
        Map<String, Integer> uncrossTrades = new HashMap<>();
        Set<String> morning = new HashSet<>();
        Set<String> afternoon = new HashSet<>();
        List<Trade> outOfSession = new ArrayList<>();
        for (Trade t : trades) {
            int time = WireLines.millis(t.time());
            if (time == UNCROSS) {
                uncrossTrades.merge(t.symbol(), 1, Integer::sum);
            } else {
                boolean inMorning = time >= MORNING_OPEN && time < MORNING_CLOSE;
                boolean inAfternoon = time >= AFTERNOON_OPEN && time < CLOSE;
                if (!inMorning && !inAfternoon) {
                    outOfSession.add(t);
                }
                (inMorning ? morning : afternoon).add(t.symbol());
            }
        }
        assertThat(outOfSession).isEmpty();
        // one opening trade for every security with a book (an index has no auction)
        List<String> withBook = symbols.stream().filter(s -> !s.startsWith("i")).toList();
        assertThat(uncrossTrades.keySet()).containsExactlyInAnyOrderElementsOf(withBook);
        assertThat(uncrossTrades.values()).containsOnly(1);
        assertThat(morning).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(afternoon).containsExactlyInAnyOrderElementsOf(symbols);
    }

    @Test
    void beforeTheAuctionLevelOneShowsThePreviousCloseAndNoBook() {
        MarketSimulator market = market(LocalTime.of(9, 0), 3);
        String text = market.nextTick(Set.of(SubscriptionCode.lv1("600519"), SubscriptionCode.lv2("600519")));
        List<Line> lines = WireLines.lines(text);
        assertThat(lines).hasSize(1);
        Lv1 q = WireLines.lv1(lines.get(0));
        assertThat(q.time()).isEqualTo("09:00:03");
        assertThat(q.priceText()).isEqualTo("1500.00");
        assertThat(q.changeText()).isEqualTo("0.00");
        assertThat(q.volume()).isZero();
        assertThat(q.bids()).allSatisfy(l -> assertThat(l.empty()).isTrue());
        assertThat(q.asks()).allSatisfy(l -> assertThat(l.empty()).isTrue());
    }

    @Test
    void theIndicativePriceMovesDuringTheAuctionAndTheOpenIsItsLastValue() {
        MarketSimulator market = market(LocalTime.of(9, 15), 10);
        Set<SubscriptionCode> codes = Set.of(SubscriptionCode.lv1("002594"), SubscriptionCode.lv2("002594"));
        Set<String> indicative = new HashSet<>();
        String lastIndicative = null;
        while (market.time().isBefore(LocalTime.of(9, 24, 50))) {
            Lv1 q = WireLines.lv1(WireLines.lines(market.nextTick(codes)).get(0));
            assertThat(q.volume()).isZero();
            indicative.add(q.priceText());
            lastIndicative = q.priceText();
        }
        List<Line> uncross = WireLines.lines(market.nextTick(codes));
        assertThat(market.time()).isEqualTo(LocalTime.of(9, 25));
        assertThat(indicative).hasSizeGreaterThan(1);
        Trade open = WireLines.lv2(uncross.get(1)).get(0);
        assertThat(open.time()).isEqualTo("09:25:00.000");
        Lv1 after = WireLines.lv1(uncross.get(0));
        assertThat(after.priceText()).isEqualTo(open.priceText());
        assertThat(after.volume()).isEqualTo(open.quantity());
        // the final auction tick may move the indicative price once more before it uncrosses
        assertThat(lastIndicative).isNotNull();

        // 09:25-09:30: no trades, the open stands
        while (market.time().isBefore(LocalTime.of(9, 30))) {
            List<Line> lines = WireLines.lines(market.nextTick(codes));
            assertThat(lines).extracting(Line::flag).containsExactly("lv1");
            assertThat(WireLines.lv1(lines.get(0)).volume()).isEqualTo(open.quantity());
        }
    }

    @Test
    void afterTheCloseNothingTradesAndLevelOneKeepsReportingTheClose() {
        MarketSimulator market = market(LocalTime.of(14, 59), 3);
        Set<SubscriptionCode> codes = Set.of(SubscriptionCode.lv1("601012"), SubscriptionCode.lv2("601012"));
        while (market.time().isBefore(LocalTime.of(15, 0))) {
            market.nextTick(codes);
        }
        Lv1 close = WireLines.lv1(Line.parse(market.lv1Line("601012")));
        assertThat(close.time()).isEqualTo("15:00:00");
        for (int i = 0; i < 20; i++) {
            List<Line> lines = WireLines.lines(market.nextTick(codes));
            assertThat(lines).extracting(Line::flag).containsExactly("lv1");
            Lv1 q = WireLines.lv1(lines.get(0));
            assertThat(q.priceText()).isEqualTo(close.priceText());
            assertThat(q.volume()).isEqualTo(close.volume());
            assertThat(q.amountText()).isEqualTo(close.amountText());
            assertThat(q.bids()).isEqualTo(close.bids());
        }
        assertThat(market.time()).isEqualTo(LocalTime.of(15, 1));
    }

    @Test
    void directLevelTwoTradesAreRefusedOutsideContinuousTrading() {
        for (LocalTime closed : List.of(LocalTime.of(9, 20), LocalTime.of(9, 27), LocalTime.of(12, 0), LocalTime.of(15, 30))) {
            MarketSimulator market = market(closed, 3);
            assertThatThrownBy(() -> market.lv2Line("600519", 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(closed.toString())
                    .hasMessageContaining("09:30-11:30 and 13:00-15:00");
            assertThatThrownBy(() -> market.frameText(List.of(SubscriptionCode.lv2("600519")), 1024))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theClockNeverPassesMidnight() {
        MarketSimulator market = market(LocalTime.of(23, 59, 58), 3);
        market.nextTick(Set.of(SubscriptionCode.lv1("600519")));
        market.nextTick(Set.of(SubscriptionCode.lv1("600519")));
        assertThat(market.time()).isEqualTo(LocalTime.of(23, 59, 59, 999_000_000));
    }
}
