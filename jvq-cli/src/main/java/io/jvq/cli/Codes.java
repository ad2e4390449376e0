package io.jvq.cli;

import io.jvq.core.SubscriptionCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;

/** The CODE arguments, parsed at the edge: the first bad one is a usage error that names it. */
final class Codes {
    private Codes() {
    }

    static List<SubscriptionCode> parse(CommandSpec spec, List<String> codes) {
        List<SubscriptionCode> parsed = new ArrayList<>(codes.size());
        for (String code : codes) {
            try {
                parsed.add(SubscriptionCode.parse(code.strip()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return parsed;
    }
}
