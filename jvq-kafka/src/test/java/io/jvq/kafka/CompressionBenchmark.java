package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.Level2Trade;
import io.jvq.sim.MarketSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A harness run by hand (see BENCHMARKS.md), not a test: the simulator's level-2 trades (jvq-sim,
 * seed 42, the first 20 symbols of its market) published through a bridge to an in-process Kafka,
 * once per {@code compression.type} and value format, each into topics of their own. Per run: the
 * producer's {@code outgoing-byte-total} (bytes on the wire, requests included) and
 * {@code compression-rate-avg}, the size of the broker's log for the topic, and trades/s from the
 * first publish to the last acknowledgement; two rounds printed after one of warm-up. Properties: {@code jvq.bench.trades} (300000),
 * {@code jvq.bench.codecs} (none,lz4,zstd,snappy,gzip).
 */
@EnabledIfSystemProperty(named = "jvq.bench", matches = "true")
class CompressionBenchmark {

    @Test
    void bytesAndTradesPerSecondByCompression() throws Exception {
        int count = Integer.getInteger("jvq.bench.trades", 300_000);
        List<String> codecs = List.of(System.getProperty("jvq.bench.codecs", "none,lz4,zstd,snappy,gzip").split(","));
        List<Level2Trade> trades = simulatorTrades(count);
        try (KafkaBroker kafka = KafkaBroker.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            int run = 0;
            for (int round = 0; round < 3; round++) { // the first round warms the JVM up; the others are printed
                for (ValueFormat format : ValueFormat.values()) {
                    for (String codec : codecs) {
                        String prefix = "c" + ++run + ".";
                        // made before the clock starts: a topic's creation is not the codec's time
                        admin.createTopics(List.of(new NewTopic(prefix + "lv2", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                        Result result = publish(kafka.bootstrapServers(), prefix, format, codec, trades);
                        long logBytes = logBytes(admin, prefix + "lv2");
                        if (round > 0) {
                            System.out.printf("%-4s %-6s %,d trades: wire %,d B (%.1f B/trade), log %,d B (%.1f B/trade),"
                                            + " compression-rate-avg %.3f, %,.0f trades/s%n", format.wireName(), codec, count,
                                    result.wireBytes, result.wireBytes / (double) count, logBytes, logBytes / (double) count,
                                    result.compressionRate, count / result.seconds);
                        }
                    }
                }
            }
        }
    }

    private static Result publish(String servers, String prefix, ValueFormat format, String codec, List<Level2Trade> trades)
            throws InterruptedException {
        AtomicReference<Producer<byte[], byte[]>> made = new AtomicReference<>();
        KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers(servers).topicPrefix(prefix).valueFormat(format)
                .producerProperty("compression.type", codec).closeOnShutdown(false)
                .producerFactory(config -> {
                    Producer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                            new ByteArraySerializer());
                    made.set(producer);
                    return producer;
                }).build();
        long start = System.nanoTime();
        for (Level2Trade trade : trades) {
            bridge.publish(trade);
        }
        while (bridge.stats().published() < trades.size()) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                throw new AssertionError("not published within 5 minutes: " + bridge.stats());
            }
            Thread.sleep(1); // the CPUs are the producer's, not a spinning waiter's
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<MetricName, ? extends Metric> metrics = made.get().metrics();
        double wire = metric(metrics, "outgoing-byte-total");
        double rate = metric(metrics, "compression-rate-avg");
        bridge.close();
        return new Result((long) wire, rate, seconds);
    }

    private static double metric(Map<MetricName, ? extends Metric> metrics, String name) {
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
            if (metric.getKey().name().equals(name) && metric.getKey().group().equals("producer-metrics")) {
                return ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no producer metric " + name);
    }

    /** The size of the broker's log segments of {@code topic}, all partitions. */
    private static long logBytes(Admin admin, String topic) throws Exception {
        Set<Integer> brokers = new HashSet<>();
        for (Node node : admin.describeCluster().nodes().get()) {
            brokers.add(node.id());
        }
        long bytes = 0;
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (replica.getKey().topic().equals(topic)) {
                        bytes += replica.getValue().size();
                    }
                }
            }
        }
        return bytes;
    }

    /** {@code count} trades of the simulator's market, as its ticks make them. */
    private static List<Level2Trade> simulatorTrades(int count) {
        MarketSimulator market = MarketSimulator.builder().seed(42).startTime(LocalTime.of(9, 30)).build();
        Set<SubscriptionCode> codes = new HashSet<>();
        for (String symbol : MarketSimulator.fullMarketSymbols().subList(0, 20)) {
            codes.add(SubscriptionCode.lv2(symbol));
        }
        List<Level2Trade> trades = new ArrayList<>(count);
        QuoteParser parser = new QuoteParser();
        EventSink sink = new EventSink(event -> {
            if (event instanceof Level2Trade trade && trades.size() < count) {
                trades.add(trade);
            }
        });
        while (trades.size() < count) {
            byte[] text = market.nextTick(codes).getBytes(StandardCharsets.UTF_8);
            if (text.length == 0) {
                throw new AssertionError("the simulated market closed after " + trades.size() + " trades");
            }
            parser.parse(text, 0, text.length, sink);
        }
        return trades;
    }

    private record Result(long wireBytes, double compressionRate, double seconds) {
    }
}
