package io.jvq.kafka;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.json.JsonReader;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code json} value (jvq's JSON event schema) back into the vendor's text for the same
 * record, field by field. Both value formats then go through jvq-core's parser, so a quote read
 * from Kafka becomes exactly the event or view the direct client gives, and the parser's checks
 * (field shapes, ranges) apply to JSON values too. Numbers are copied as the decimals written.
 */
final class JsonToLine {
    private JsonToLine() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    static String translate(String json) {
        if (!(JsonReader.read(json) instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = text(object, "type");
        QuoteLevel level = QuoteLevel.ofFlag(type);
        if (level == null) {
            throw new IllegalArgumentException("type '" + type + "' is not a quote: expected lv1, lv2 or lv10");
        }
        String symbol = text(object, "code");
        if (!SubscriptionCode.isValidSymbol(symbol)) {
            throw new IllegalArgumentException("code '" + symbol + "' is not a six-character symbol");
        }
        StringBuilder line = new StringBuilder(256).append(level.flag()).append('_').append(symbol).append('=');
        line.append(separatorFree(text(object, "time"), "time"));
        switch (level) {
            case LV2 -> {
                number(line, object, "tradeId");
                number(line, object, "price");
                number(line, object, "qty");
            }
            case LV1 -> {
                line.append(',').append(separatorFree(text(object, "name"), "name"));
                number(line, object, "price");
                number(line, object, "changePct");
                number(line, object, "volume");
                number(line, object, "amount");
                List<?> bids = side(object, "bids", 5);
                List<?> asks = side(object, "asks", 5);
                for (Object pair : bids) {
                    pair(line, (List<?>) pair, 0, 1);
                }
                for (Object pair : asks) {
                    pair(line, (List<?>) pair, 0, 1);
                }
            }
            case LV10 -> {
                line.append(',').append(separatorFree(text(object, "name"), "name"));
                number(line, object, "price");
                number(line, object, "lastClose");
                number(line, object, "amount");
                number(line, object, "volume");
                // the wire lists all prices of a side, then all its quantities (PROTOCOL §5.3)
                for (List<?> side : List.of(side(object, "bids", 10), side(object, "asks", 10))) {
                    for (Object pair : side) {
                        pair(line, (List<?>) pair, 1, -1);
                    }
                    for (Object pair : side) {
                        pair(line, (List<?>) pair, 0, -1);
                    }
                }
            }
        }
        return line.toString();
    }

    private static String text(Map<?, ?> object, String field) {
        if (!(object.get(field) instanceof String value)) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return value;
    }

    private static void number(StringBuilder line, Map<?, ?> object, String field) {
        if (!(object.get(field) instanceof BigDecimal value)) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a number");
        }
        line.append(',').append(value.toPlainString());
    }

    /** A side of the book: {@code levels} pairs of [quantity, price]. */
    private static List<?> side(Map<?, ?> object, String field, int levels) {
        if (!(object.get(field) instanceof List<?> pairs) || pairs.size() != levels) {
            throw new IllegalArgumentException("field '" + field + "' is not a list of " + levels + " [qty, price] pairs");
        }
        for (Object pair : pairs) {
            if (!(pair instanceof List<?> two) || two.size() != 2
                    || !(two.get(0) instanceof BigDecimal) || !(two.get(1) instanceof BigDecimal)) {
                throw new IllegalArgumentException("field '" + field + "' holds " + pair + ", not a [qty, price] pair");
            }
        }
        return pairs;
    }

    /** Appends the pair's element {@code first}, then {@code second} unless it is -1. */
    private static void pair(StringBuilder line, List<?> pair, int first, int second) {
        line.append(',').append(((BigDecimal) pair.get(first)).toPlainString());
        if (second >= 0) {
            line.append(',').append(((BigDecimal) pair.get(second)).toPlainString());
        }
    }

    private static String separatorFree(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '|' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("field '" + field + "' holds a separator of the vendor's grammar: '"
                        + value + "'");
            }
        }
        return value;
    }
}
