package io.jvq.cli;

import picocli.CommandLine;

/** A count that must be at least 1, e.g. {@code --limit}. */
final class PositiveCount implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n < 1) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be at least 1");
        }
        return n;
    }
}
