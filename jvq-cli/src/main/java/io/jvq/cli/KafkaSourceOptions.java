package io.jvq.cli;

import io.jvq.kafka.QuoteTopics;
import io.jvq.kafka.StartPosition;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code stream --from-kafka}: read what a {@code jvq bridge} publishes instead of connecting to jvQuant. */
final class KafkaSourceOptions {

    @Option(names = "--from-kafka", paramLabel = "BOOTSTRAP",
            description = "Read the quotes a jvq bridge publishes from this Kafka (host:port[,host:port…]) "
                    + "instead of connecting to jvQuant; no token needed.")
    String bootstrap;

    @Option(names = "--from", paramLabel = "earliest|latest|TIME", converter = KafkaStart.class,
            description = "With --from-kafka: start at the oldest quotes kept, at new ones only (the default), "
                    + "or at a time: 09:15 (today, Shanghai time) or 2026-11-30T01:15:00Z.")
    StartPosition from;

    @Option(names = "--topics-prefix", paramLabel = "P", defaultValue = QuoteTopics.DEFAULT_PREFIX,
            description = "With --from-kafka: the bridge's topic prefix (default: ${DEFAULT-VALUE}).")
    String topicsPrefix;

    @Option(names = "--group", paramLabel = "ID",
            description = "With --from-kafka: a consumer group; streams of one group share the codes between them "
                    + "and resume where the group stopped.")
    String group;

    /** True when reading from Kafka; a Kafka-only option without {@code --from-kafka} is a usage error. */
    boolean enabled(CommandSpec spec) {
        if (bootstrap == null && (from != null || group != null)) {
            throw new ParameterException(spec.commandLine(), "--from and --group need --from-kafka BOOTSTRAP");
        }
        return bootstrap != null;
    }

    StartPosition startOrLatest() {
        return from == null ? StartPosition.latest() : from;
    }
}
