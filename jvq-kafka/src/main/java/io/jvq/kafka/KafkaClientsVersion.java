package io.jvq.kafka;

import org.apache.kafka.common.utils.AppInfoParser;

import java.util.function.Predicate;

/**
 * Checks, once, that the kafka-clients on the class path is one jvq-kafka runs on (4.1 or newer: the
 * source closes its consumer with {@code CloseOptions}, new in 4.1). An application whose framework
 * manages an older kafka-clients (Spring Boot 3.5 brings 3.9) gets a message saying so when it builds
 * a bridge or a source, rather than a {@code NoSuchMethodError} or {@code NoClassDefFoundError} later.
 */
final class KafkaClientsVersion {
    /** Present from kafka-clients 4.1 on. */
    static final String PROBE = "org.apache.kafka.clients.consumer.CloseOptions";

    private static volatile boolean checked;

    private KafkaClientsVersion() {
    }

    /** Throws once per call until the class path is right; after a pass, costs a volatile read. */
    static void require() {
        if (!checked) {
            require(KafkaClientsVersion::present, AppInfoParser.getVersion());
            checked = true;
        }
    }

    /**
     * @param classPresent whether a class of this name can be loaded
     * @param found        the kafka-clients version found, as it reports it
     * @throws IllegalStateException naming the version found and the way out
     */
    static void require(Predicate<String> classPresent, String found) {
        if (!classPresent.test(PROBE)) {
            throw new IllegalStateException("jvq-kafka needs kafka-clients 4.1 or newer, found " + found
                    + " (it lacks " + PROBE + "). A framework's dependency management probably chose it"
                    + " (Spring Boot 3.5 manages kafka-clients 3.9): set the property kafka.version to 4.1.0 or newer"
                    + " in Maven or Gradle, or declare org.apache.kafka:kafka-clients 4.1+ directly.");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, KafkaClientsVersion.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
