package io.jvq.cli;

import picocli.CommandLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** {@code --duration SECONDS}: a positive number of seconds, decimals allowed ({@code 2.5}). */
final class Seconds implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of seconds");
        }
        if (seconds.signum() <= 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a positive number of seconds");
        }
        try {
            return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact());
        } catch (ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' seconds is too long");
        }
    }

    /** A duration for a message: {@code 90 s}, {@code 1.5 s}. */
    static String text(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }
}
