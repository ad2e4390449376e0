package io.jvq.sim;

import io.jvq.core.SubscriptionCode;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a simulator tick by tick until a time of day and keeps every tick's text. */
final class TradingDay {
    /** A mix of boards, a bond, a fund, an ST name and an index. */
    static final List<String> SYMBOLS = List.of("600519", "000001", "601318", "600036", "000858", "300750",
            "688981", "002594", "601012", "600112", "127063", "510300", "159915", "603123", "301234", "i000001");

    record Tick(LocalTime clock, String text) {
    }

    static Set<SubscriptionCode> allLevels(List<String> symbols) {
        Set<SubscriptionCode> codes = new LinkedHashSet<>();
        for (String symbol : symbols) {
            codes.add(SubscriptionCode.lv1(symbol));
            codes.add(SubscriptionCode.lv2(symbol));
            codes.add(SubscriptionCode.lv10(symbol));
        }
        return codes;
    }

    static List<Tick> run(MarketSimulator market, Set<SubscriptionCode> codes, LocalTime until) {
        List<Tick> ticks = new ArrayList<>();
        while (market.time().isBefore(until)) {
            String text = market.nextTick(codes);
            ticks.add(new Tick(market.time(), text));
        }
        return ticks;
    }

    static List<WireLines.Line> lines(List<Tick> ticks) {
        List<WireLines.Line> lines = new ArrayList<>();
        for (Tick tick : ticks) {
            lines.addAll(WireLines.lines(tick.text()));
        }
        return lines;
    }
}
