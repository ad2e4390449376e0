package io.jvq.testkit.sim;

import io.jvq.testkit.sim.WireLines.Level;
import io.jvq.testkit.sim.WireLines.Line;
import io.jvq.testkit.sim.WireLines.Lv1;
import io.jvq.testkit.sim.WireLines.Lv10;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderBookTest {
    private static final int AUCTION_OPEN = WireLines.millis("09:15:00");
    private static final int AUCTION_UNCROSS = WireLines.millis("09:25:00");

    private static List<Line> lines;

    @BeforeAll
    static void tradeADay() {
        MarketSimulator market = MarketSimulator.builder().seed(21).startTime(LocalTime.of(9, 10))
                .volatilityBps(20).tickInterval(Duration.ofSeconds(15)).build();
        lines = TradingDay.lines(TradingDay.run(market, TradingDay.allLevels(TradingDay.SYMBOLS), LocalTime.of(15, 2)));
    }

    private static boolean inAuction(String snapshotTime) {
        int t = WireLines.millis(snapshotTime);
        return t > AUCTION_OPEN && t < AUCTION_UNCROSS;
    }

    @Test
    void continuousBooksAreStrictlyOrderedAroundTheLastPrice() {
        int checked = 0;
        for (Line line : lines) {
            if (!line.flag().equals("lv1") || line.symbol().startsWith("i")) {
                continue;
            }
            Lv1 q = WireLines.lv1(line);
            if (inAuction(q.time()) || q.bids().get(0).empty() && q.asks().get(0).empty()) {
                continue;
            }
            assertStrictlyOrdered(q.bids(), q.asks(), line);
            Level bid = q.bids().get(0);
            Level ask = q.asks().get(0);
            if (!bid.empty()) {
                assertThat(bid.price()).as("best bid at or below the last price in %s", line).isLessThanOrEqualTo(q.price());
            }
            if (!ask.empty()) {
                if (bid.empty()) {
                    assertThat(ask.price()).as("at limit-down the best ask is the last price: %s", line)
                            .isEqualByComparingTo(q.price());
                } else {
                    assertThat(ask.price()).as("best ask above the last price in %s", line).isGreaterThan(q.price());
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void tenLevelBooksAreStrictlyOrderedToo() {
        int checked = 0;
        for (Line line : lines) {
            if (line.flag().equals("lv10") && !inAuction(line.fields()[0])) {
                Lv10 b = WireLines.lv10(line);
                assertStrictlyOrdered(b.bids(), b.asks(), line);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void duringTheOpeningAuctionBestBidAndAskBothShowTheIndicativePriceAndMatchedQuantity() {
        int checked = 0;
        for (Line line : lines) {
            if (!line.flag().equals("lv1") || line.symbol().startsWith("i")) {
                continue;
            }
            Lv1 q = WireLines.lv1(line);
            if (inAuction(q.time())) {
                assertThat(q.volume()).isZero();
                assertThat(q.amountText()).isEqualTo("0.00");
                assertThat(q.bids().get(0)).isEqualTo(q.asks().get(0));
                assertThat(q.bids().get(0).priceText()).isEqualTo(q.priceText());
                assertThat(q.bids().get(0).quantity()).isPositive();
                // at most one more level: the unmatched excess, one side, one tick away
                long extra = q.bids().stream().skip(1).filter(l -> !l.empty()).count()
                        + q.asks().stream().skip(1).filter(l -> !l.empty()).count();
                assertThat(extra).isLessThanOrEqualTo(1);
                assertStrictlyOrdered(q.bids(), q.asks(), line);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void bookQuantitiesAreWholeLots() {
        for (Line line : lines) {
            if (line.flag().equals("lv1") || line.flag().equals("lv10")) {
                List<Level> levels = line.flag().equals("lv1")
                        ? concat(WireLines.lv1(line).bids(), WireLines.lv1(line).asks())
                        : concat(WireLines.lv10(line).bids(), WireLines.lv10(line).asks());
                int lot = WireLines.lot(line.symbol());
                assertThat(levels).as(line.toString()).allSatisfy(l -> assertThat(l.quantity() % lot).isZero());
            }
        }
    }

    @Test
    void bookPricesAreOnTheTick() {
        for (Line line : lines) {
            if (line.flag().equals("lv10")) {
                Lv10 b = WireLines.lv10(line);
                BigDecimal tick = BigDecimal.ONE.movePointLeft(WireLines.priceDecimals(line.symbol()));
                for (Level l : concat(b.bids(), b.asks())) {
                    assertThat(l.price().remainder(tick)).as(line.toString()).isEqualByComparingTo(BigDecimal.ZERO);
                }
            }
        }
    }

    @Test
    void anIndexHasNoBook() {
        for (Line line : lines) {
            if (line.symbol().startsWith("i") && line.flag().equals("lv1")) {
                Lv1 q = WireLines.lv1(line);
                assertThat(concat(q.bids(), q.asks())).allSatisfy(l -> assertThat(l.empty()).isTrue());
            }
        }
    }

    /** Filled levels first, then only empty ones; bids strictly falling, asks strictly rising; best bid ≤ best ask. */
    private static void assertStrictlyOrdered(List<Level> bids, List<Level> asks, Line line) {
        assertSide(bids, -1, line);
        assertSide(asks, +1, line);
        if (!bids.get(0).empty() && !asks.get(0).empty()) {
            assertThat(bids.get(0).price()).as(line.toString()).isLessThanOrEqualTo(asks.get(0).price());
        }
    }

    private static void assertSide(List<Level> side, int direction, Line line) {
        boolean emptySeen = false;
        BigDecimal previous = null;
        for (Level level : side) {
            if (level.empty()) {
                emptySeen = true;
                continue;
            }
            assertThat(emptySeen).as("a filled level after an empty one in %s", line).isFalse();
            assertThat(level.quantity()).isPositive();
            assertThat(level.price().signum()).isPositive();
            if (previous != null) {
                assertThat(level.price().compareTo(previous)).as("ordering in %s", line).isEqualTo(direction);
            }
            previous = level.price();
        }
    }

    private static List<Level> concat(List<Level> a, List<Level> b) {
        List<Level> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
