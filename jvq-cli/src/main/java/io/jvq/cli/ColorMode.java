package io.jvq.cli;

/** {@code --color}: {@code auto} colours only on a terminal (and not when {@code NO_COLOR} is set). */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    public boolean enabled(CliEnvironment environment) {
        if (this == AUTO) {
            String term = environment.variable("TERM");
            return environment.terminal() && environment.variable("NO_COLOR") == null && !"dumb".equals(term);
        }
        return this == ALWAYS;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
