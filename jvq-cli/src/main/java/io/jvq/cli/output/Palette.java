package io.jvq.cli.output;

/**
 * ANSI colours for a terminal, or none at all. Rises are red and falls green, as on every
 * Shanghai and Shenzhen quote screen.
 */
public final class Palette {
    private static final String RESET = "\u001b[0m";
    public static final Palette NONE = new Palette(false);
    public static final Palette ANSI = new Palette(true);

    private final boolean enabled;

    private Palette(boolean enabled) {
        this.enabled = enabled;
    }

    public static Palette of(boolean enabled) {
        return enabled ? ANSI : NONE;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Colours {@code text} by the sign of {@code direction}: up red, down green, zero as is. */
    public String bySign(long direction, String text) {
        return signStart(direction) + text + signEnd(direction);
    }

    /** What starts {@link #bySign}'s colour: empty for zero or without colour. */
    public String signStart(long direction) {
        if (!enabled || direction == 0) {
            return "";
        }
        return direction > 0 ? "\u001b[31m" : "\u001b[32m";
    }

    /** What ends {@link #bySign}'s colour. */
    public String signEnd(long direction) {
        return !enabled || direction == 0 ? "" : RESET;
    }

    public String bold(String text) {
        return paint("\u001b[1m", text);
    }

    public String dim(String text) {
        return paint("\u001b[2m", text);
    }

    public String warn(String text) {
        return paint("\u001b[33m", text);
    }

    private String paint(String code, String text) {
        return enabled ? code + text + RESET : text;
    }
}
