package io.jvq.sim;

import io.jvq.sim.WireLines.Level;
import io.jvq.sim.WireLines.Line;
import io.jvq.sim.WireLines.Lv1;
import io.jvq.sim.WireLines.Lv10;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Book shape over a whole day; violations are collected and asserted once, which keeps this fast. */
class OrderBookTest {
    private static final int AUCTION_OPEN = WireLines.millis("09:15:00");
    private static final int AUCTION_UNCROSS = WireLines.millis("09:25:00");

    private static final List<Lv1> QUOTES = new ArrayList<>();
    private static final List<Lv10> BOOKS = new ArrayList<>();

    @BeforeAll
    static void tradeADay() {
        MarketSimulator market = MarketSimulator.builder().seed(21).startTime(LocalTime.of(9, 10))
                .volatilityBps(20).tickInterval(Duration.ofSeconds(30)).build();
        for (Line line : TradingDay.lines(TradingDay.run(market, TradingDay.allLevels(TradingDay.SYMBOLS),
                LocalTime.of(15, 2)))) {
            if (line.flag().equals("lv1")) {
                QUOTES.add(WireLines.lv1(line));
            } else if (line.flag().equals("lv10")) {
                BOOKS.add(WireLines.lv10(line));
            }
        }
    }

    private static boolean inAuction(String snapshotTime) {
        int t = WireLines.millis(snapshotTime);
        return t > AUCTION_OPEN && t < AUCTION_UNCROSS;
    }

    private static boolean isIndex(String symbol) {
        return symbol.startsWith("i");
    }

    @Test
    void continuousBooksAreStrictlyOrderedAroundTheLastPrice() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Lv1 q : QUOTES) {
            if (isIndex(q.symbol()) || inAuction(q.time()) || (q.bids().get(0).empty() && q.asks().get(0).empty())) {
                continue;
            }
            orderingProblems(q.bids(), q.asks(), q.toString(), problems);
            Level bid = q.bids().get(0);
            Level ask = q.asks().get(0);
            if (!bid.empty() && bid.price().compareTo(q.price()) > 0) {
                problems.add("best bid above the last price: " + q);
            }
            if (!ask.empty() && !bid.empty() && ask.price().compareTo(q.price()) <= 0) {
                problems.add("best ask not above the last price: " + q);
            }
            if (!ask.empty() && bid.empty() && ask.price().compareTo(q.price()) != 0) {
                problems.add("at limit-down the best ask is not the last price: " + q);
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void tenLevelBooksAreStrictlyOrderedToo() {
        List<String> problems = new ArrayList<>();
        int full = 0;
        for (Lv10 b : BOOKS) {
            if (!inAuction(b.time())) {
                orderingProblems(b.bids(), b.asks(), b.toString(), problems);
                if (!b.bids().get(9).empty() && !b.asks().get(9).empty()) {
                    full++;
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(full).as("books with all ten levels filled").isGreaterThan(1000);
    }

    @Test
    void duringTheOpeningAuctionBestBidAndAskBothShowTheIndicativePriceAndMatchedQuantity() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Lv1 q : QUOTES) {
            if (isIndex(q.symbol()) || !inAuction(q.time())) {
                continue;
            }
            if (q.volume() != 0 || !q.amountText().equals("0.00")) {
                problems.add("trades during the auction: " + q);
            }
            if (!q.bids().get(0).equals(q.asks().get(0)) || !q.bids().get(0).priceText().equals(q.priceText())
                    || q.bids().get(0).quantity() <= 0) {
                problems.add("level 1 is not the indicative price and matched quantity on both sides: " + q);
            }
            // at most one more level: the unmatched excess, on one side
            long extra = q.bids().stream().skip(1).filter(l -> !l.empty()).count()
                    + q.asks().stream().skip(1).filter(l -> !l.empty()).count();
            if (extra > 1) {
                problems.add("more than one unmatched level: " + q);
            }
            orderingProblems(q.bids(), q.asks(), q.toString(), problems);
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void bookQuantitiesAreWholeLotsAndPricesAreOnTheTick() {
        List<String> problems = new ArrayList<>();
        for (Lv10 b : BOOKS) {
            int lot = WireLines.lot(b.symbol());
            BigDecimal tick = BigDecimal.ONE.movePointLeft(WireLines.priceDecimals(b.symbol()));
            for (Level l : concat(b.bids(), b.asks())) {
                if (l.quantity() % lot != 0 || l.price().remainder(tick).signum() != 0) {
                    problems.add(l + " in " + b);
                }
            }
        }
        for (Lv1 q : QUOTES) {
            int lot = WireLines.lot(q.symbol());
            concat(q.bids(), q.asks()).stream().filter(l -> l.quantity() % lot != 0).forEach(l -> problems.add(l + " in " + q));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anIndexHasNoBook() {
        List<Lv1> indexQuotes = QUOTES.stream().filter(q -> isIndex(q.symbol())).toList();
        assertThat(indexQuotes).isNotEmpty().allSatisfy(q ->
                assertThat(concat(q.bids(), q.asks())).allMatch(Level::empty));
    }

    /** Filled levels first, then only empty ones; bids strictly falling, asks strictly rising; best bid ≤ best ask. */
    private static void orderingProblems(List<Level> bids, List<Level> asks, String where, List<String> problems) {
        sideProblems(bids, -1, where, problems);
        sideProblems(asks, +1, where, problems);
        if (!bids.get(0).empty() && !asks.get(0).empty() && bids.get(0).price().compareTo(asks.get(0).price()) > 0) {
            problems.add("crossed book: " + where);
        }
    }

    private static void sideProblems(List<Level> side, int direction, String where, List<String> problems) {
        boolean emptySeen = false;
        BigDecimal previous = null;
        for (Level level : side) {
            if (level.empty()) {
                emptySeen = true;
                continue;
            }
            if (emptySeen) {
                problems.add("a filled level after an empty one: " + where);
            }
            if (level.quantity() <= 0 || level.price().signum() <= 0) {
                problems.add("half-empty level " + level + ": " + where);
            }
            if (previous != null && level.price().compareTo(previous) != direction) {
                problems.add("levels out of order: " + where);
            }
            previous = level.price();
        }
    }

    private static List<Level> concat(List<Level> a, List<Level> b) {
        List<Level> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
