package io.jvq.bench.e2e;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code key=value} command-line arguments, each key known in advance: a typo fails loudly. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();

    public Args(String[] args, Set<String> known) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            if (eq < 0 || !known.contains(key)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; expected key=value with key one of "
                        + known);
            }
            values.put(key, arg.substring(eq + 1));
        }
    }

    public String get(String key, String otherwise) {
        return values.getOrDefault(key, otherwise);
    }

    public int getInt(String key, int otherwise) {
        String v = values.get(key);
        try {
            return v == null ? otherwise : Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'", e);
        }
    }

    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E otherwise) {
        String v = values.get(key);
        try {
            return v == null ? otherwise : Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", got '" + v + "'", e);
        }
    }
}
