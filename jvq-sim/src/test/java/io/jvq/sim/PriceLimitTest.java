package io.jvq.sim;

import io.jvq.core.SubscriptionCode;
import io.jvq.sim.WireLines.Level;
import io.jvq.sim.WireLines.Line;
import io.jvq.sim.WireLines.Lv1;
import io.jvq.sim.WireLines.Lv10;
import io.jvq.sim.WireLines.Trade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceLimitTest {

    private static MarketSimulator market() {
        return MarketSimulator.builder().seed(3).build();
    }

    private static Lv1 lv1(MarketSimulator market, String symbol) {
        return WireLines.lv1(Line.parse(market.lv1Line(symbol)));
    }

    private static Lv10 lv10(MarketSimulator market, String symbol) {
        return WireLines.lv10(Line.parse(market.lv10Line(symbol)));
    }

    @Test
    void limitsAreTenPercentOnMainBoardsTwentyOnGrowthBoardsFiveForStNamesRoundedHalfUp() {
        MarketSimulator market = market();
        // 1500.00 × 1.1 = 1650.00 and × 0.9 = 1350.00
        market.moveTo("600519", new BigDecimal("1650.00"));
        market.moveTo("600519", new BigDecimal("1350.00"));
        assertThatThrownBy(() -> market.moveTo("600519", new BigDecimal("1650.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("600519").hasMessageContaining("1650.01")
                .hasMessageContaining("limits");
        // 250.00 × 1.2 = 300.00
        market.moveTo("300750", new BigDecimal("300.00"));
        assertThatThrownBy(() -> market.moveTo("300750", new BigDecimal("300.01")))
                .isInstanceOf(IllegalArgumentException.class);
        // *ST: 2.50 × 1.05 = 2.625 → 2.63 and × 0.95 = 2.375 → 2.38, both rounded half up
        market.moveTo("600112", new BigDecimal("2.63"));
        market.moveTo("600112", new BigDecimal("2.38"));
        assertThatThrownBy(() -> market.moveTo("600112", new BigDecimal("2.64")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> market.moveTo("600112", new BigDecimal("2.37")))
                .isInstanceOf(IllegalArgumentException.class);
        // the convertible bond: 125.000 × 1.2 = 150.000, on a 0.001 tick
        market.moveTo("127063", new BigDecimal("150.000"));
        market.moveTo("127063", new BigDecimal("125.001"));
        assertThatThrownBy(() -> market.moveTo("127063", new BigDecimal("150.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPriceOffTheTickIsRejectedNamingTheTick() {
        MarketSimulator market = market();
        assertThatThrownBy(() -> market.moveTo("600519", new BigDecimal("1500.005")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1500.005").hasMessageContaining("tick 0.01");
        assertThatThrownBy(() -> market.moveTo("127063", new BigDecimal("125.0005")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tick 0.001");
        assertThatThrownBy(() -> market.moveTo("600519", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atLimitUpTheBuyersQueueAtTheLimitAndThereAreNoAsks() {
        MarketSimulator market = market();
        market.moveTo("600519", new BigDecimal("1650.00"));
        List<Trade> trades = WireLines.lv2(Line.parse(market.lv2Line("600519", 1)));
        assertThat(trades).singleElement().extracting(Trade::priceText).isEqualTo("1650.00");

        Lv1 quote = lv1(market, "600519");
        assertThat(quote.priceText()).isEqualTo("1650.00");
        assertThat(quote.changeText()).isEqualTo("10.00");
        assertThat(quote.asks()).allSatisfy(level -> assertThat(level.empty()).isTrue());
        assertThat(quote.bids().get(0).priceText()).isEqualTo("1650.00");
        assertThat(quote.bids()).allSatisfy(level -> assertThat(level.quantity()).isPositive());
        assertThat(lv10(market, "600519").asks()).allSatisfy(level -> assertThat(level.empty()).isTrue());
    }

    @Test
    void atLimitDownTheSellersQueueAtTheLimitAndThereAreNoBids() {
        MarketSimulator market = market();
        market.moveTo("600112", new BigDecimal("2.38"));
        market.lv2Line("600112", 1);

        Lv1 quote = lv1(market, "600112");
        assertThat(quote.priceText()).isEqualTo("2.38");
        assertThat(quote.changeText()).isEqualTo("-4.80");
        assertThat(quote.bids()).allSatisfy(level -> assertThat(level.empty()).isTrue());
        assertThat(quote.asks().get(0).priceText()).isEqualTo("2.38");
        assertThat(lv10(market, "600112").bids()).allSatisfy(level -> assertThat(level.empty()).isTrue());
    }

    @Test
    void aWildMarketReachesItsLimitsButNeverCrossesThem() {
        List<String> symbols = new ArrayList<>(TradingDay.SYMBOLS);
        symbols.addAll(MarketSimulator.fullMarketSymbols().subList(0, 30));
        Set<SubscriptionCode> codes = TradingDay.allLevels(symbols);
        MarketSimulator market = MarketSimulator.builder().seed(11).volatilityBps(300).startTime(LocalTime.of(9, 10))
                .tickInterval(Duration.ofSeconds(60)).build();
        int atLimitUp = 0;
        int atLimitDown = 0;
        // Collect violations and assert once: a million AssertJ calls would make this test slow.
        List<String> problems = new ArrayList<>();
        for (TradingDay.Tick tick : TradingDay.run(market, codes, LocalTime.of(15, 0))) {
            List<Line> lines = WireLines.lines(tick.text());
            Map<String, Lv10> books = new HashMap<>();
            lines.stream().filter(l -> l.flag().equals("lv10")).forEach(l -> books.put(l.symbol(), WireLines.lv10(l)));
            for (Line line : lines) {
                Lv10 book = books.get(line.symbol());
                BigDecimal up = WireLines.limitUp(line.symbol(), book.name(), book.lastClose());
                BigDecimal down = WireLines.limitDown(line.symbol(), book.name(), book.lastClose());
                switch (line.flag()) {
                    case "lv1" -> {
                        Lv1 q = WireLines.lv1(line);
                        if (!within(q.price(), down, up) || !levelsWithin(concat(q.bids(), q.asks()), down, up)) {
                            problems.add("outside " + down + ".." + up + ": " + line);
                        }
                        // The auction book shows the indicative price on both sides, at a limit too.
                        boolean continuousBook = !line.symbol().startsWith("i") && !inAuction(q.time());
                        if (q.price().compareTo(up) == 0 && continuousBook) {
                            atLimitUp++;
                            if (!allEmpty(q.asks()) || q.bids().get(0).price().compareTo(up) != 0) {
                                problems.add("at limit-up, asks left or bids not queued at the limit: " + line);
                            }
                        }
                        if (q.price().compareTo(down) == 0 && continuousBook) {
                            atLimitDown++;
                            if (!allEmpty(q.bids()) || q.asks().get(0).price().compareTo(down) != 0) {
                                problems.add("at limit-down, bids left or asks not queued at the limit: " + line);
                            }
                        }
                    }
                    case "lv2" -> WireLines.lv2(line).stream().filter(t -> !within(t.price(), down, up))
                            .forEach(t -> problems.add("trade outside " + down + ".." + up + ": " + t));
                    default -> {
                        if (!levelsWithin(concat(book.bids(), book.asks()), down, up)) {
                            problems.add("outside " + down + ".." + up + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(atLimitUp).as("snapshots at limit-up").isPositive();
        assertThat(atLimitDown).as("snapshots at limit-down").isPositive();
    }

    private static boolean within(BigDecimal price, BigDecimal down, BigDecimal up) {
        return price.compareTo(down) >= 0 && price.compareTo(up) <= 0;
    }

    private static boolean levelsWithin(List<Level> levels, BigDecimal down, BigDecimal up) {
        return levels.stream().allMatch(l -> l.empty() || within(l.price(), down, up));
    }

    private static boolean allEmpty(List<Level> levels) {
        return levels.stream().allMatch(Level::empty);
    }

    private static boolean inAuction(String snapshotTime) {
        int t = WireLines.millis(snapshotTime);
        return t > WireLines.millis("09:15:00") && t < WireLines.millis("09:25:00");
    }

    private static List<Level> concat(List<Level> a, List<Level> b) {
        List<Level> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
