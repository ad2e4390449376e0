package io.jvq.core.candle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

    record Trade(String symbol, int millis, long price, long quantity) {
    }

    @Property(tries = 300)
    void barsAgreeWithTheNaiveReference(@ForAll("days") List<Trade> day, @ForAll CandlePeriod period) {
        List<Candle> actual = new ArrayList<>();
        CandleAggregator aggregator = new CandleAggregator(period, actual::add);
        for (Trade t : day) {
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

        /** True when no trade at or after {@code clock} can be in the bar labelled {@code label}. */
        static boolean closed(LocalTime label, int clock, CandlePeriod period) {
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
                    boolean closed = closed(label, clock, period);
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
