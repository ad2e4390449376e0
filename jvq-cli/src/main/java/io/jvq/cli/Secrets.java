package io.jvq.cli;

import io.jvq.core.Redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Every token this run knows of (from {@code JVQ_TOKEN} and {@code --token}), so that any line
 * written to stdout or stderr can be cleaned of them, even a picocli message about a mistyped
 * option that swallowed the token as its value.
 */
final class Secrets {
    private final List<String> values = new ArrayList<>();

    static Secrets of(CliEnvironment environment, String[] args) {
        Secrets secrets = new Secrets();
        secrets.add(environment.variable(JvqCli.TOKEN_VARIABLE));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--token") && i + 1 < args.length) {
                secrets.add(args[i + 1]);
            } else if (args[i].startsWith("--token=")) {
                secrets.add(args[i].substring("--token=".length()));
            }
        }
        return secrets;
    }

    private void add(String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String value : values) {
            out = out.replace(value, "***");
        }
        return Redaction.redact(out);
    }
}
