package io.jvq.core.candle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over any day of trades in time order, the aggregator's bars are those of a naive reference that
 * works on wall-clock labels: the one-minute label of a trade by the rules as written, a period's
 * labels as every Nth one-minute label, bars grouped by label, flat bars for the labels between.
 */
class CandlePropertyTest {
    private static final List<String> SYMBOLS = List.of("600519", "000001", "127063");
    /** Midnight of a trading day in China. */
    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00+08:00");

    record Trade(String symbol, int millis, long price, long quantity) {
    }

    @Property(tries = 300)
    void barsAgreeWithTheNaiveReference(@ForAll("days") List<Trade> day, @ForAll CandlePeriod period) {
        List<Candle> actual = new ArrayList<>();
        // received as they happen: a wall clock that reads each trade's own time, so every time is plausible
        CandleClockTest.MutableClock wall = new CandleClockTest.MutableClock(Instant.EPOCH);
        CandleAggregator aggregator = CandleAggregator.builder(period, actual::add).clock(wall).build();
        for (Trade t : day) {
            wall.set(DAY.plusMillis(t.millis()));
            aggregator.onTrade(t.symbol(), t.millis(), t.price(), t.quantity());
        }
        aggregator.finish();

        Map<String, List<Candle>> bySymbol = new LinkedHashMap<>();
        for (Candle candle : actual) {
            bySymbol.computeIfAbsent(candle.symbol(), s -> new ArrayList<>()).add(candle);
        }
        Map<String, List<Candle>> expected = NaiveCandles.of(day, period);
        assertThat(bySymbol).isEqualTo(expected);
        assertThat(aggregator.lateTrades()).isZero();
        assertThat(aggregator.outOfSessionTrades())
                .isEqualTo(day.stream().filter(t -> NaiveCandles.minuteLabel(t.millis()) == null).count());
    }

    /**
     * However bad some trade times are (any time of the day, anywhere in the input), each trade is in
     * exactly one bar or counted once, and each security's bars run forward with no label twice.
     */
    @Property(tries = 300)
    void badTimesNeitherLoseTradesNorRepeatBars(@ForAll("abusedDays") List<Trade> arrivals,
                                                @ForAll CandlePeriod period) {
        List<Candle> actual = new ArrayList<>();
        CandleAggregator aggregator = new CandleAggregator(period, actual::add);
        aggregator.newDay(LocalDate.of(2026, 12, 1));
        for (Trade t : arrivals) {
            aggregator.onTrade(t.symbol(), t.millis(), t.price(), t.quantity());
        }
        aggregator.finish();

        long inBars = actual.stream().mapToLong(Candle::trades).sum();
        assertThat(inBars + aggregator.outOfSessionTrades() + aggregator.lateTrades()
                + aggregator.implausibleTrades() + aggregator.overflowTrades())
                .isEqualTo(aggregator.trades()).isEqualTo(arrivals.size());
        Map<String, List<Candle>> bySymbol = new LinkedHashMap<>();
        for (Candle candle : actual) {
            bySymbol.computeIfAbsent(candle.symbol(), s -> new ArrayList<>()).add(candle);
        }
        bySymbol.forEach((symbol, bars) -> {
            assertThat(bars).extracting(Candle::endMinuteOfDay).isSorted().doesNotHaveDuplicates();
            assertThat(bars.subList(0, bars.size() - 1)).noneMatch(Candle::partial);
        });
    }

    /** A day in time order with a few trades stamped anywhere from 00:00 to 23:59 among it. */
    @Provide
    Arbitrary<List<Trade>> abusedDays() {
        Arbitrary<Trade> bogus = Combinators.combine(Arbitraries.of(SYMBOLS),
                        Arbitraries.integers().between(0, 24 * 3_600_000 - 1),
                        Arbitraries.longs().between(1, 30_000_000), Arbitraries.longs().between(1, 1_000_000))
                .as(Trade::new);
        Arbitrary<List<Double>> where = Arbitraries.doubles().between(0, 1).list().ofMaxSize(4);
        return Combinators.combine(days(), bogus.list().ofMaxSize(4), where).as((day, bad, at) -> {
            List<Trade> arrivals = new ArrayList<>(day);
            for (int i = 0; i < Math.min(bad.size(), at.size()); i++) {
                arrivals.add((int) (at.get(i) * arrivals.size()), bad.get(i));
            }
            return arrivals;
        });
    }

    @Provide
    Arbitrary<List<Trade>> days() {
        // a third of the times anywhere in the day, the rest near the edges the rules are about
        Arbitrary<Integer> anyTime = Arbitraries.integers().between(8 * 3_600_000, 16 * 3_600_000);
        Arbitrary<Integer> nearEdges = Arbitraries.of(9 * 60 + 25, 9 * 60 + 30, 10 * 60 + 29, 11 * 60 + 29,
                        11 * 60 + 30, 11 * 60 + 31, 12 * 60 + 59, 13 * 60, 14 * 60 + 59, 15 * 60, 15 * 60 + 1)
                .flatMap(minute -> Arbitraries.integers().between(-2_000, 61_000).map(ms -> minute * 60_000 + ms));
        Arbitrary<Integer> time = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, anyTime), net.jqwik.api.Tuple.of(2, nearEdges));
        Arbitrary<Trade> trade = Combinators.combine(Arbitraries.of(SYMBOLS), time,
                        Arbitraries.longs().between(1, 30_000_000), Arbitraries.longs().between(1, 1_000_000))
                .as(Trade::new);
        return trade.list().ofMaxSize(60)
                .map(trades -> trades.stream().sorted(Comparator.comparingInt(Trade::millis)).toList());
    }

    /** The rules as written, on {@link LocalTime}s. */
    static final class NaiveCandles {
        /** All 240 one-minute labels of the day, in order. */
        static final List<LocalTime> MINUTE_LABELS = new ArrayList<>();

        static {
            for (LocalTime t = LocalTime.of(9, 31); !t.isAfter(LocalTime.of(11, 30)); t = t.plusMinutes(1)) {
                MINUTE_LABELS.add(t);
            }
            for (LocalTime t = LocalTime.of(13, 1); !t.isAfter(LocalTime.of(15, 0)); t = t.plusMinutes(1)) {
                MINUTE_LABELS.add(t);
            }
        }

        /** The one-minute bar of a trade: null outside the sessions. */
        static LocalTime minuteLabel(int millis) {
            LocalTime t = LocalTime.ofNanoOfDay(millis * 1_000_000L);
            LocalTime minute = t.withSecond(0).withNano(0);
            if (t.isBefore(LocalTime.of(9, 25))) {
                return null;
            }
            if (t.isBefore(LocalTime.of(9, 31))) {
                return LocalTime.of(9, 31); // the opening auction and the first minute
            }
            if (t.isBefore(LocalTime.of(11, 30))) {
                return minute.plusMinutes(1);
            }
            if (t.isBefore(LocalTime.of(11, 31))) {
                return LocalTime.of(11, 30);
            }
            if (t.isBefore(LocalTime.of(13, 0))) {
                return null;
            }
            if (t.isBefore(LocalTime.of(15, 0))) {
                return minute.plusMinutes(1);
            }
            if (t.isBefore(LocalTime.of(15, 1))) {
                return LocalTime.of(15, 0); // the closing auction's match
            }
            return null;
        }

        static List<LocalTime> labels(CandlePeriod period) {
            List<LocalTime> labels = new ArrayList<>();
            for (int i = period.minutes() - 1; i < MINUTE_LABELS.size(); i += period.minutes()) {
                labels.add(MINUTE_LABELS.get(i));
            }
            return labels;
        }

        /** The bar of a trade: the first label of the period at or after its one-minute label. */
        static LocalTime label(int millis, CandlePeriod period) {
            LocalTime minute = minuteLabel(millis);
            return minute == null ? null : labels(period).stream().filter(l -> !l.isBefore(minute)).findFirst()
                    .orElseThrow();
        }

        /**
         * True when no trade at or after {@code clock} less the grace (1 s) can be in the bar labelled
         * {@code label}.
         */
        static boolean closed(LocalTime label, int lastTrade, CandlePeriod period) {
            int clock = lastTrade - 1_000;
            for (int from : new int[] {clock, 9 * 3_600_000 + 25 * 60_000, 13 * 3_600_000}) {
                if (from >= clock && label(from, period) != null) {
                    return label(from, period).isAfter(label);
                }
            }
            return true;
        }

        static Map<String, List<Candle>> of(List<Trade> day, CandlePeriod period) {
            int clock = day.isEmpty() ? -1 : day.get(day.size() - 1).millis();
            Map<String, TreeMap<LocalTime, List<Trade>>> grouped = new LinkedHashMap<>();
            for (Trade t : day) {
                LocalTime label = label(t.millis(), period);
                if (label != null) {
                    grouped.computeIfAbsent(t.symbol(), s -> new TreeMap<>())
                            .computeIfAbsent(label, l -> new ArrayList<>()).add(t);
                }
            }
            Map<String, List<Candle>> out = new LinkedHashMap<>();
            List<LocalTime> labels = labels(period);
            grouped.forEach((symbol, bars) -> {
                List<Candle> candles = new ArrayList<>();
                long lastClose = 0;
                for (LocalTime label : labels) {
                    if (label.isBefore(bars.firstKey())) {
                        continue;
                    }
                    List<Trade> trades = bars.get(label);
                    // the clock closes it, or a trade of the same security in a later bar
                    boolean closed = closed(label, clock, period) || bars.lastKey().isAfter(label);
                    if (trades == null) {
                        if (!closed) {
                            break;
                        }
                        candles.add(new Candle(symbol, period, label.getHour() * 60 + label.getMinute(), lastClose,
                                lastClose, lastClose, lastClose, 0, 0, 0, false));
                        continue;
                    }
                    long high = trades.stream().mapToLong(Trade::price).max().orElseThrow();
                    long low = trades.stream().mapToLong(Trade::price).min().orElseThrow();
                    long volume = trades.stream().mapToLong(Trade::quantity).sum();
                    long amount = trades.stream().mapToLong(t -> t.price() * t.quantity()).sum();
                    lastClose = trades.get(trades.size() - 1).price();
                    candles.add(new Candle(symbol, period, label.getHour() * 60 + label.getMinute(),
                            trades.get(0).price(), high, low, lastClose, volume, amount, trades.size(), !closed));
                    if (!closed) {
                        break;
                    }
                }
                out.put(symbol, candles);
            });
            return out;
        }
    }
}
