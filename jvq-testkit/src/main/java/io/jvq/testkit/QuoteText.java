package io.jvq.testkit;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;

import java.util.Set;

/** Quote text ({@code code=payload} lines separated by {@code \n}) and its per-connection filtering. */
final class QuoteText {
    private QuoteText() {
    }

    /**
     * Checks that every non-empty line starts with a valid subscription code and {@code =}.
     *
     * @throws IllegalArgumentException naming the first bad line (1-based) and why
     */
    static void requireWellFormed(String text) {
        int lineNo = 0;
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            lineNo++;
            String line = stripCr(text.substring(from, end));
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("quote line " + lineNo + " has no '<code>=' prefix: '"
                            + SubscriptionCommands.printable(line)
                            + "' (use pushMalformedLines to send bad lines on purpose)");
                }
                try {
                    SubscriptionCode.parse(line.substring(0, eq));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("quote line " + lineNo + ": " + e.getMessage()
                            + " (use pushMalformedLines to send bad lines on purpose)", e);
                }
            }
            if (nl < 0) {
                return;
            }
            from = nl + 1;
        }
    }

    /**
     * The lines of {@code text} for a connection subscribed to {@code subscribed}, in order: lines of
     * its codes, empty lines, and malformed lines (no valid {@code code=} prefix), which a broken
     * server would send to everyone. Returns {@code text} itself when no line is dropped (so the exact
     * bytes go out), and {@code ""} when nothing but empty lines is left.
     */
    static String filter(String text, Set<String> subscribed) {
        StringBuilder kept = new StringBuilder(text.length());
        boolean droppedAny = false;
        boolean keptAny = false;
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(from, end);
            from = end;
            if (line.equals("\n") || line.equals("\r\n") || line.equals("\r")) {
                kept.append(line);
                continue;
            }
            int eq = line.indexOf('=');
            String code = eq < 0 ? null : line.substring(0, eq);
            if (code == null || subscribed.contains(code) || !isValidCode(code)) {
                kept.append(line);
                keptAny = true;
            } else {
                droppedAny = true;
            }
        }
        if (!keptAny) {
            return "";
        }
        return droppedAny ? kept.toString() : text;
    }

    /** Same rule as {@link SubscriptionCode#parse}, without building an exception per line. */
    static boolean isValidCode(String code) {
        int underscore = code.indexOf('_');
        return underscore > 0 && QuoteLevel.ofFlag(code.substring(0, underscore)) != null
                && SubscriptionCode.isValidSymbol(code.substring(underscore + 1));
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
