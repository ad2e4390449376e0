package io.jvq.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Converts an option value to one of an enum's constants, named in lower case, any case accepted. */
abstract class Choice<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
    private final Class<E> type;

    Choice(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        String choices = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + choices);
    }

    static final class Transport extends Choice<TransportKind> {
        Transport() {
            super(TransportKind.class);
        }
    }

    static final class Format extends Choice<OutputFormat> {
        Format() {
            super(OutputFormat.class);
        }
    }

    static final class Color extends Choice<ColorMode> {
        Color() {
            super(ColorMode.class);
        }
    }
}
