package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a server text says, as far as pairing it with a command goes: the command verbs it names
 * ({@code add}, {@code del}, {@code all}, {@code list} as whole words) and the subscription codes
 * it lists. jvQuant documents no reply format, so nothing more is assumed.
 */
public final class ReplyText {
    private final Set<Command.Verb> verbs;
    private final List<SubscriptionCode> codes;

    private ReplyText(Set<Command.Verb> verbs, List<SubscriptionCode> codes) {
        this.verbs = verbs;
        this.codes = codes;
    }

    /** Reads {@code text}: words are runs of letters, digits and {@code _}. */
    public static ReplyText of(String text) {
        Set<Command.Verb> verbs = EnumSet.noneOf(Command.Verb.class);
        Set<SubscriptionCode> codes = new LinkedHashSet<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !wordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && wordChar(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                word(text.substring(start, i), verbs, codes);
            }
        }
        return new ReplyText(verbs, List.copyOf(codes));
    }

    /** The subscription codes a text lists (e.g. a {@code list} reply), in order, each once. */
    public static List<SubscriptionCode> codes(String text) {
        return of(text).codes;
    }

    Set<Command.Verb> verbs() {
        return verbs;
    }

    List<SubscriptionCode> listedCodes() {
        return codes;
    }

    private static void word(String word, Set<Command.Verb> verbs, Set<SubscriptionCode> codes) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (Command.Verb verb : Command.Verb.values()) {
            if (verb.wire().equals(lower)) {
                verbs.add(verb);
                return;
            }
        }
        if (lower.startsWith("lv") && lower.indexOf('_') > 2) {
            try {
                codes.add(SubscriptionCode.parse(lower));
            } catch (IllegalArgumentException notACode) {
                // a word that only looks like a code: not listed
            }
        }
    }

    private static boolean wordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    @Override
    public String toString() {
        List<String> wire = new ArrayList<>();
        codes.forEach(c -> wire.add(c.wire()));
        return "ReplyText[verbs=" + verbs + ", codes=" + wire + "]";
    }
}
