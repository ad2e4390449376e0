package io.jvq.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** A positive duration as people write it: {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, or plain seconds ({@code 30}). */
final class DurationText implements CommandLine.ITypeConverter<Duration> {
    private final Seconds seconds = new Seconds();

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.endsWith("ms")) {
            // the number read as seconds is a thousand times the milliseconds meant
            return Duration.ofMillis(Math.max(1, seconds.convert(text.substring(0, text.length() - 2)).toMillis() / 1000));
        }
        if (text.endsWith("h")) {
            return seconds.convert(text.substring(0, text.length() - 1)).multipliedBy(3600);
        }
        if (text.endsWith("m")) {
            return seconds.convert(text.substring(0, text.length() - 1)).multipliedBy(60);
        }
        if (text.endsWith("s")) {
            return seconds.convert(text.substring(0, text.length() - 1));
        }
        try {
            return seconds.convert(text);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration: expected e.g. 30s, 5m, 1h, 500ms or a number of seconds");
        }
    }
}
