package io.jvq.cli;

import io.jvq.kafka.StartPosition;
import picocli.CommandLine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * {@code --from earliest|latest|TIME}: TIME is a time of day today in Shanghai ({@code 09:15},
 * {@code 09:15:30}) or an instant ({@code 2026-11-30T01:15:00Z}).
 */
final class KafkaStart implements CommandLine.ITypeConverter<StartPosition> {
    static final ZoneId EXCHANGE_ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public StartPosition convert(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("earliest")) {
            return StartPosition.earliest();
        }
        if (v.equalsIgnoreCase("latest")) {
            return StartPosition.latest();
        }
        try {
            if (v.contains("T")) {
                return StartPosition.at(Instant.parse(v));
            }
            return StartPosition.at(LocalDate.now(EXCHANGE_ZONE).atTime(LocalTime.parse(v)).atZone(EXCHANGE_ZONE)
                    .toInstant());
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not earliest, latest, a time of day (09:15) or an instant (2026-11-30T01:15:00Z)");
        }
    }
}
