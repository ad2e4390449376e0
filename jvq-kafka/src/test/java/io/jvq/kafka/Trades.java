package io.jvq.kafka;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level2Trade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Level-2 trades for tests: per code, ids counting up from 1, as the vendor's text and as events. */
final class Trades {
    private final List<String> symbols;
    private final Map<String, Long> nextId = new TreeMap<>();
    private final List<Level2Trade> sent = new ArrayList<>();

    Trades(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    List<SubscriptionCode> codes() {
        return symbols.stream().map(SubscriptionCode::lv2).toList();
    }

    /**
     * The next {@code perCode} trades of every code as quote text: one line per code, its trades
     * joined by '|', as the server pushes them.
     */
    String next(int perCode) {
        StringBuilder text = new StringBuilder();
        for (String symbol : symbols) {
            text.append("lv2_").append(symbol).append('=');
            for (int i = 0; i < perCode; i++) {
                long id = nextId.merge(symbol, 1L, Long::sum);
                int time = TimeOfDay.of(9, 30, 0, 0) + (int) id * 10;
                long price = FixedPoint.of("1700.50") + id * 100;
                long quantity = 100 + id % 7 * 100;
                Level2Trade trade = new Level2Trade(SubscriptionCode.lv2(symbol), time, id, price, quantity);
                sent.add(trade);
                if (i > 0) {
                    text.append('|');
                }
                text.append(TimeOfDay.format(time, true)).append(',').append(id).append(',')
                        .append(FixedPoint.format(price)).append(',').append(quantity);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Every trade sent so far, in the order sent. */
    List<Level2Trade> sent() {
        return List.copyOf(sent);
    }

    List<Level2Trade> sentFor(String symbol) {
        return sent.stream().filter(t -> t.code().symbol().equals(symbol)).toList();
    }
}
