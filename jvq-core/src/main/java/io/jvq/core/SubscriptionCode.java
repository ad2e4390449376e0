package io.jvq.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A subscription code such as {@code lv1_600519}: a quote level and a security symbol
 * (docs/PROTOCOL.md §3). Symbols are six digits, or {@code i} and six digits for indices.
 * Instances are valid by construction; raw strings are parsed at the edge with {@link #parse}.
 */
public record SubscriptionCode(QuoteLevel level, String symbol) {

    public SubscriptionCode {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(symbol, "symbol");
        if (!isValidSymbol(symbol)) {
            throw new IllegalArgumentException("invalid security symbol '" + printable(symbol)
                    + "': expected six digits (600519) or i and six digits (i000001)");
        }
    }

    public static SubscriptionCode lv1(String symbol) {
        return new SubscriptionCode(QuoteLevel.LV1, symbol);
    }

    public static SubscriptionCode lv2(String symbol) {
        return new SubscriptionCode(QuoteLevel.LV2, symbol);
    }

    public static SubscriptionCode lv10(String symbol) {
        return new SubscriptionCode(QuoteLevel.LV10, symbol);
    }

    /**
     * Parses a wire code such as {@code lv2_127063}.
     *
     * @throws IllegalArgumentException naming the bad input when it is not a valid code
     */
    public static SubscriptionCode parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("subscription code is null");
        }
        int underscore = code.indexOf('_');
        if (underscore < 0) {
            throw new IllegalArgumentException("invalid subscription code '" + printable(code)
                    + "': expected <flag>_<symbol>, e.g. lv1_600519");
        }
        QuoteLevel level = QuoteLevel.ofFlag(code.substring(0, underscore));
        if (level == null) {
            throw new IllegalArgumentException("invalid subscription code '" + printable(code)
                    + "': unknown quote flag '" + printable(code.substring(0, underscore))
                    + "' (expected lv1, lv2 or lv10)");
        }
        String symbol = code.substring(underscore + 1);
        if (!isValidSymbol(symbol)) {
            throw new IllegalArgumentException("invalid subscription code '" + printable(code)
                    + "': symbol must be six digits (600519) or i and six digits (i000001)");
        }
        return new SubscriptionCode(level, symbol);
    }

    /** Parses every code, failing on the first bad one (the message names it). */
    public static List<SubscriptionCode> parseAll(Collection<String> codes) {
        List<SubscriptionCode> parsed = new ArrayList<>(codes.size());
        for (String code : codes) {
            parsed.add(parse(code));
        }
        return parsed;
    }

    public static List<SubscriptionCode> parseAll(String... codes) {
        return parseAll(List.of(codes));
    }

    /** True for six digits, or {@code i} followed by six digits. */
    public static boolean isValidSymbol(CharSequence symbol) {
        int start = symbol.length() == 7 && symbol.charAt(0) == 'i' ? 1 : 0;
        if (symbol.length() - start != 6) {
            return false;
        }
        for (int i = start; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The wire form, e.g. {@code lv1_600519}. */
    public String wire() {
        return level.flag() + '_' + symbol;
    }

    @Override
    public String toString() {
        return wire();
    }

    /** Keeps error messages readable when the input is huge or holds control characters. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 64));
        for (int i = 0; i < s.length() && out.length() < 64; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > 64) {
            out.append("…");
        }
        return out.toString();
    }
}
