package io.jvq.cli;

/** {@code --format}: lines for people, or one JSON object per line for programs. */
public enum OutputFormat {
    TEXT, JSON;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
