package io.jvq.cli;

import io.jvq.kafka.ValueFormat;
import picocli.CommandLine;

/** {@code --value-format line|json}. */
final class KafkaValueFormat implements CommandLine.ITypeConverter<ValueFormat> {
    @Override
    public ValueFormat convert(String value) {
        try {
            return ValueFormat.ofWireName(value.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of line, json");
        }
    }
}
