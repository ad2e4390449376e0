package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fake's command language (docs/PROTOCOL.md §4) and its replies. Every command gets exactly one reply:
 * <ul>
 *   <li>{@code add=lv1_600519,lv2_000001} → {@code add ok: lv1_600519,lv2_000001}</li>
 *   <li>{@code del=lv1_600519} → {@code del ok: lv1_600519} (codes not subscribed are ignored)</li>
 *   <li>{@code all=lv1_600519} → {@code all ok: lv1_600519}; {@code all=} → {@code all ok:}</li>
 *   <li>{@code list} → {@code list: lv1_600519,lv2_000001} in subscription order; {@code list:} when empty</li>
 *   <li>anything else → {@code error: <what was wrong>}; the subscription is left unchanged</li>
 * </ul>
 * The codes echoed in an {@code ok} reply are the command's, de-duplicated, in their order.
 */
final class SubscriptionCommands {
    static final String ERROR_PREFIX = "error: ";

    private SubscriptionCommands() {
    }

    /** Applies {@code text} to {@code subscription} (an insertion-ordered set) and returns the reply. */
    static String apply(String text, Set<SubscriptionCode> subscription) {
        if (text.equals("list")) {
            return "list:" + joined(subscription);
        }
        int eq = text.indexOf('=');
        String verb = eq < 0 ? text : text.substring(0, eq);
        if (eq < 0 || !(verb.equals("add") || verb.equals("del") || verb.equals("all"))) {
            if (verb.equals("list")) {
                return ERROR_PREFIX + "list takes no codes, got '" + printable(text) + "'";
            }
            return ERROR_PREFIX + "unknown command '" + printable(text)
                    + "': expected add=<codes>, del=<codes>, all=<codes> or list";
        }
        List<SubscriptionCode> codes;
        try {
            codes = parseCodes(text.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            return ERROR_PREFIX + e.getMessage() + " in '" + printable(text) + "'";
        }
        if (codes.isEmpty() && !verb.equals("all")) {
            return ERROR_PREFIX + verb + " needs at least one code, got '" + printable(text) + "'";
        }
        switch (verb) {
            case "add":
                subscription.addAll(codes);
                break;
            case "del":
                codes.forEach(subscription::remove);
                break;
            default:
                subscription.clear();
                subscription.addAll(codes);
                break;
        }
        return verb + " ok:" + joined(codes);
    }

    private static List<SubscriptionCode> parseCodes(String list) {
        List<SubscriptionCode> codes = new ArrayList<>();
        if (list.isEmpty()) {
            return codes;
        }
        int from = 0;
        int position = 1;
        while (true) {
            int comma = list.indexOf(',', from);
            String item = comma < 0 ? list.substring(from) : list.substring(from, comma);
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty code at position " + position);
            }
            codes.add(SubscriptionCode.parse(item));
            if (comma < 0) {
                return List.copyOf(new LinkedHashSet<>(codes));
            }
            from = comma + 1;
            position++;
        }
    }

    private static String joined(Collection<SubscriptionCode> codes) {
        if (codes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" ");
        for (SubscriptionCode code : codes) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(code.wire());
        }
        return out.toString();
    }

    /** Keeps replies short and on one line whatever a client sent. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > 80 ? out.append('…').toString() : out.toString();
    }
}
