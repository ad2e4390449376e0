package io.jvq.cli;

import io.jvq.kafka.Backpressure;
import io.jvq.kafka.BridgeStats;
import io.jvq.kafka.KafkaQuoteBridge;
import io.jvq.kafka.QuoteTopics;
import io.jvq.kafka.ValueFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jvq bridge}: a resilient client whose every quote goes to Kafka. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Connect to jvQuant as stream does and publish every quote to Kafka: one topic per level "
                + "(PREFIX + lv1, lv2, lv10), the code as the key. Read them with jvq stream --from-kafka, "
                + "KafkaQuoteSource, kcat or any Kafka client.",
                "Ctrl-C or SIGTERM publishes what was received before exiting (waiting up to 4 s for Kafka)."})
final class BridgeCommand implements Callable<Integer> {
    /** Within the 5 s a Ctrl-C leaves before the JVM halts. */
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(4);

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Mixin
    StopOptions stop;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", required = true,
            description = "Kafka's bootstrap servers, host:port[,host:port…].")
    String kafka;

    @Option(names = "--topics-prefix", paramLabel = "P", defaultValue = QuoteTopics.DEFAULT_PREFIX,
            description = "Topic prefix (default: ${DEFAULT-VALUE}, topics ${DEFAULT-VALUE}lv1, ${DEFAULT-VALUE}lv2, "
                    + "${DEFAULT-VALUE}lv10).")
    String topicsPrefix;

    @Option(names = "--value-format", paramLabel = "line|json", defaultValue = "line", converter = KafkaValueFormat.class,
            description = "Record values: line = the vendor's text for the record, json = stream's JSON "
                    + "(default: ${DEFAULT-VALUE}).")
    ValueFormat valueFormat;

    @Option(names = "--compression", paramLabel = "none|gzip|snappy|lz4|zstd",
            description = "The producer's compression.type (default: the bridge's, "
                    + KafkaQuoteBridge.DEFAULT_COMPRESSION + ").")
    String compression;

    @Option(names = "--when-full", paramLabel = "block|drop", defaultValue = "block",
            description = "When Kafka is slow or down and the buffer is full: block = hold the connection "
                    + "up to 5 s per quote, then drop; drop = drop at once. Drops are counted (default: ${DEFAULT-VALUE}).")
    String whenFull;

    @Option(names = "--buffer", paramLabel = "N", defaultValue = "65536", converter = PositiveCount.class,
            description = "Quotes buffered toward Kafka at most (default: ${DEFAULT-VALUE}).")
    Long buffer;

    @Parameters(paramLabel = "CODE", arity = "1..*", split = ",",
            description = "Subscription codes, e.g. lv1_600519 lv2_000001.")
    List<String> codes;

    @Override
    public Integer call() throws Exception {
        LiveRun live = new LiveRun(root.environment(), spec, connect, output, stop, codes);
        LiveRun.Plan plan = live.plan();
        KafkaQuoteBridge bridge;
        try {
            bridge = KafkaQuoteBridge.builder()
                    .bootstrapServers(kafka)
                    .topicPrefix(topicsPrefix)
                    .valueFormat(valueFormat)
                    .backpressure(backpressure())
                    .bufferRecords((int) Math.min(Integer.MAX_VALUE, buffer))
                    .compression(compression == null ? KafkaQuoteBridge.DEFAULT_COMPRESSION : compression)
                    .closeTimeout(FLUSH_TIMEOUT)
                    .closeOnShutdown(false) // closed below, after the client, also on Ctrl-C/SIGTERM
                    .build();
        } catch (IllegalArgumentException | org.apache.kafka.common.KafkaException e) {
            throw new ParameterException(spec.commandLine(), "cannot use --kafka '" + kafka + "' / --topics-prefix '"
                    + topicsPrefix + "'" + (compression == null ? "" : " / --compression '" + compression + "'") + ": "
                    + e.getMessage());
        }
        try {
            // the flyweight path: each quote is encoded from the decoder's view, no event made
            return live.quotesTo(bridge).run(plan, null, () -> {
                bridge.close();
                return kafkaSummary(bridge.stats());
            });
        } finally {
            bridge.close();
        }
    }

    private Backpressure backpressure() {
        return switch (whenFull.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "block" -> Backpressure.block(Duration.ofSeconds(5));
            case "drop" -> Backpressure.drop();
            default -> throw new ParameterException(spec.commandLine(),
                    "invalid --when-full '" + whenFull + "': expected block or drop");
        };
    }

    /** E.g. {@code kafka: 1200 published, 0 dropped, 0 failed}. */
    static String kafkaSummary(BridgeStats stats) {
        return "kafka: " + stats.published() + " published, " + stats.dropped() + " dropped, "
                + stats.failed() + " failed";
    }
}
