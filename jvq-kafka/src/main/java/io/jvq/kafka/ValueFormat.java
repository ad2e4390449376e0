package io.jvq.kafka;

import java.util.Locale;

/** How a quote is written into a Kafka record's value (UTF-8 text, one record per Kafka record). */
public enum ValueFormat {
    /**
     * The vendor's own text for one record, e.g. {@code lv2_600519=09:30:00.120,8812,1700.50,100}:
     * any client that speaks the vendor's grammar reads it.
     */
    LINE,
    /** One JSON object in jvq's JSON event schema, as {@code jvq stream --format json} prints. */
    JSON;

    /** The name used in headers and on the command line: {@code line} or {@code json}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format whose {@link #wireName()} is {@code name}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is neither
     */
    public static ValueFormat ofWireName(String name) {
        for (ValueFormat format : values()) {
            if (format.wireName().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown value format '" + name + "': expected line or json");
    }
}
