package io.jvq.sim;

import io.jvq.core.SubscriptionCode;
import io.jvq.sim.WireLines.Line;
import io.jvq.sim.WireLines.Lv1;
import io.jvq.sim.WireLines.Trade;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TradeStreamTest {
    private static List<TradingDay.Tick> day;

    @BeforeAll
    static void tradeADay() {
        MarketSimulator market = MarketSimulator.builder().seed(8).startTime(LocalTime.of(9, 10))
                .tickInterval(Duration.ofSeconds(30)).tradesPerTick(5).build();
        day = TradingDay.run(market, TradingDay.allLevels(TradingDay.SYMBOLS), LocalTime.of(15, 2));
    }

    @Test
    void tradeIdsRiseStrictlyAndTimesNeverGoBackPerCode() {
        Map<String, Trade> previous = new HashMap<>();
        int trades = 0;
        for (Line line : TradingDay.lines(day)) {
            if (!line.flag().equals("lv2")) {
                continue;
            }
            for (Trade t : WireLines.lv2(line)) {
                Trade before = previous.put(t.symbol(), t);
                if (before != null) {
                    assertThat(t.id()).as("id after %s", before).isGreaterThan(before.id());
                    assertThat(WireLines.millis(t.time())).as("time after %s", before)
                            .isGreaterThanOrEqualTo(WireLines.millis(before.time()));
                }
                trades++;
            }
        }
        assertThat(previous).hasSize(TradingDay.SYMBOLS.size());
        assertThat(trades).isGreaterThan(10_000);
    }

    @Test
    void tradesAreWholeLotsOnTheTick() {
        List<String> problems = new java.util.ArrayList<>();
        int checked = 0;
        for (Line line : TradingDay.lines(day)) {
            if (line.flag().equals("lv2")) {
                int lot = WireLines.lot(line.symbol());
                for (Trade t : WireLines.lv2(line)) {
                    if (t.quantity() <= 0 || t.quantity() % lot != 0 || t.price().signum() <= 0
                            || t.price().scale() != WireLines.priceDecimals(line.symbol())) {
                        problems.add(t.toString());
                    }
                    checked++;
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void levelOneVolumeAndAmountAreTheRunningSumsOfTheLevelTwoTrades() {
        Map<String, Long> volume = new HashMap<>();
        Map<String, BigDecimal> amount = new HashMap<>();
        int checked = 0;
        for (TradingDay.Tick tick : day) {
            // A snapshot reflects every trade of its own tick, so add the tick's trades first.
            for (Line line : WireLines.lines(tick.text())) {
                if (line.flag().equals("lv2")) {
                    for (Trade t : WireLines.lv2(line)) {
                        volume.merge(t.symbol(), t.quantity(), Long::sum);
                        amount.merge(t.symbol(), t.price().multiply(BigDecimal.valueOf(t.quantity())), BigDecimal::add);
                    }
                }
            }
            for (Line line : WireLines.lines(tick.text())) {
                if (line.flag().equals("lv1")) {
                    Lv1 q = WireLines.lv1(line);
                    assertThat(q.volume()).as(line.toString()).isEqualTo(volume.getOrDefault(q.symbol(), 0L));
                    assertThat(q.amount()).as(line.toString())
                            .isEqualByComparingTo(amount.getOrDefault(q.symbol(), BigDecimal.ZERO));
                    checked++;
                } else if (line.flag().equals("lv10")) {
                    WireLines.Lv10 b = WireLines.lv10(line);
                    assertThat(b.volume()).isEqualTo(volume.getOrDefault(b.symbol(), 0L));
                    assertThat(new BigDecimal(b.amountText()))
                            .isEqualByComparingTo(amount.getOrDefault(b.symbol(), BigDecimal.ZERO));
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(volume.values()).allSatisfy(v -> assertThat(v).isPositive());
    }

    @Test
    void directLevelTwoCallsCountInTheLevelOneFiguresToo() {
        MarketSimulator market = MarketSimulator.builder().seed(4).build();
        long volume = 0;
        BigDecimal amount = BigDecimal.ZERO;
        for (int i = 0; i < 50; i++) {
            for (Trade t : WireLines.lv2(Line.parse(market.lv2Line("127063", 1 + i % 7)))) {
                volume += t.quantity();
                amount = amount.add(t.price().multiply(BigDecimal.valueOf(t.quantity())));
            }
            market.frameText(List.of(SubscriptionCode.lv1("601318")), 1);
        }
        Lv1 q = WireLines.lv1(Line.parse(market.lv1Line("127063")));
        assertThat(q.volume()).isEqualTo(volume);
        assertThat(q.amount()).isEqualByComparingTo(amount);
        assertThat(q.amountText()).matches("\\d+\\.\\d{2}");
    }

    @Test
    void eachTickGivesEachLevelTwoCodeTheConfiguredNumberOfTrades() {
        MarketSimulator market = MarketSimulator.builder().seed(4).tradesPerTick(7).build();
        String text = market.nextTick(java.util.Set.of(SubscriptionCode.lv2("000001"), SubscriptionCode.lv2("688981")));
        List<Line> lines = WireLines.lines(text);
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(WireLines.lv2(line)).hasSize(7));
    }
}
