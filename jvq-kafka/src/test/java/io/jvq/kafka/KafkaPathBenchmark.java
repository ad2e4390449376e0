package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.sim.MarketSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A harness run by hand (see BENCHMARKS.md, "The Kafka path"), not a test: the simulator's level-2
 * frames (jvq-sim, seed 42, its first 200 symbols) parsed on the calling thread straight into a
 * {@link KafkaQuoteBridge} (its flyweight path, as a client's reader thread gives them) and on to an
 * in-process broker, either as fast as the bridge takes them or paced (a millisecond's worth of
 * frames each millisecond). Per run: CPU-seconds per million trades of the bridge's side, from
 * {@link ThreadMXBean} per-thread CPU time of the calling thread (parsing and encoding), the
 * bridge's sender thread and the producer's network thread (the broker's threads are left out);
 * trades/s from the first frame to the last acknowledgement, bytes a trade on the wire (the
 * producer's {@code outgoing-byte-total}), and how many Kafka acknowledged.
 * Properties: {@code jvq.bench.trades} (1000000), {@code jvq.bench.rate} (trades/s, 0 for
 * unpaced; 400000), {@code jvq.bench.warmup} (rounds not counted, 3), {@code jvq.bench.rounds} (counted, 5; their medians printed), and any
 * {@code jvq.bench.producer.<name>} as a producer property of the bridge.
 */
@EnabledIfSystemProperty(named = "jvq.bench", matches = "true")
class KafkaPathBenchmark {
    private static final String PRODUCER_PREFIX = "jvq.bench.producer.";

    @Test
    void cpuPerMillionTradesAndRateKept() throws Exception {
        int rate = Integer.getInteger("jvq.bench.rate", 400_000);
        int warmup = Integer.getInteger("jvq.bench.warmup", 3);
        int rounds = warmup + Integer.getInteger("jvq.bench.rounds", 5);
        List<Double> cpus = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        Frames frames = simulatorFrames(Integer.getInteger("jvq.bench.trades", 1_000_000));
        int count = frames.trades();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (KafkaBroker kafka = KafkaBroker.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (int round = 0; round < rounds; round++) {
                String prefix = "k" + round + ".";
                admin.createTopics(List.of(new NewTopic(prefix + "lv2", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                KafkaQuoteBridge.Builder builder = KafkaQuoteBridge.builder().bootstrapServers(kafka.bootstrapServers())
                        .topicPrefix(prefix).closeOnShutdown(false);
                producerProperties().forEach(builder::producerProperty);
                AtomicReference<Producer<byte[], byte[]>> producer = new AtomicReference<>();
                KafkaQuoteBridge bridge = builder.producerFactory(config -> {
                    producer.set(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
                    return producer.get();
                }).build();
                Map<Long, Long> before = bridgeThreadsCpu(threads);
                long callerBefore = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                feed(frames, bridge, rate, start);
                long callerNanos = threads.getCurrentThreadCpuTime() - callerBefore;
                while (bridge.stats().published() + bridge.stats().failed() < count) {
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                        throw new AssertionError("not published within 5 minutes: " + bridge.stats());
                    }
                    Thread.sleep(1); // the CPUs are the producer's, not a spinning waiter's
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long bridgeNanos = 0;
                for (Map.Entry<Long, Long> thread : bridgeThreadsCpu(threads).entrySet()) {
                    bridgeNanos += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
                }
                BridgeStats stats = bridge.stats();
                double wireBytes = wireBytes(producer.get());
                bridge.close();
                double perMillion = 1e6 / count / 1e9;
                System.out.printf("round %d%s: %,d trades, %s: caller %.3f + sender and network %.3f = %.3f CPU-s per million trades;"
                                + " %,.0f trades/s kept%s;"
                                + " %.1f B/trade on the wire; acknowledged %,d, failed %,d, dropped %,d%n",
                        round, round < warmup ? " (warm-up)" : "", count, rate == 0 ? "unpaced" : String.format("paced at %,d/s", rate),
                        callerNanos * perMillion, bridgeNanos * perMillion, (callerNanos + bridgeNanos) * perMillion,
                        count / seconds, rate == 0 ? "" : String.format(" (%.2f of the rate)", count / seconds / rate),
                        wireBytes / count, stats.published(), stats.failed(), stats.dropped());
                if (stats.published() != count) {
                    throw new AssertionError("Kafka acknowledged " + stats.published() + " of " + count + ": " + stats);
                }
                if (round >= warmup) {
                    cpus.add((callerNanos + bridgeNanos) * perMillion);
                    rates.add(count / seconds);
                }
            }
            System.out.printf("rounds: median %.3f CPU-s per million trades (min %.3f), median %,.0f trades/s kept%n",
                    median(cpus), cpus.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), median(rates));
        }
    }

    /** The producer's {@code outgoing-byte-total}: bytes sent to the broker, requests included. */
    private static double wireBytes(Producer<byte[], byte[]> producer) {
        for (Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
            if (metric.getKey().name().equals("outgoing-byte-total") && metric.getKey().group().equals("producer-metrics")) {
                return ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no producer metric outgoing-byte-total");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The frames into the bridge, each millisecond the trades due by then when paced. */
    private static void feed(Frames frames, QuoteSink bridge, int rate, long start) {
        QuoteParser parser = new QuoteParser();
        for (int i = 0; i < frames.texts.size(); i++) {
            if (rate > 0) {
                long due = start + (long) (frames.tradesBefore[i] * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 200_000) {
                    LockSupport.parkNanos(wait);
                }
            }
            byte[] text = frames.texts.get(i);
            parser.parse(text, 0, text.length, bridge);
        }
    }

    /** CPU time of the bridge's sender threads and the producers' network threads, by thread id. */
    private static Map<Long, Long> bridgeThreadsCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("jvq-kafka-bridge-")
                    || info.getThreadName().startsWith("kafka-producer-network-thread | jvq-bridge"))) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static Map<String, String> producerProperties() {
        Map<String, String> properties = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                properties.put(name.substring(PRODUCER_PREFIX.length()), System.getProperty(name));
            }
        }
        return properties;
    }

    /** The simulator's frames up to the one that makes {@code count} level-2 trades or more. */
    private static Frames simulatorFrames(int count) {
        MarketSimulator market = MarketSimulator.builder().seed(42).startTime(LocalTime.of(9, 30)).build();
        Set<SubscriptionCode> codes = new HashSet<>();
        for (String symbol : MarketSimulator.fullMarketSymbols().subList(0, 200)) {
            codes.add(SubscriptionCode.lv2(symbol));
        }
        QuoteParser parser = new QuoteParser();
        TradeCounter counter = new TradeCounter();
        List<byte[]> texts = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        while (counter.trades < count) {
            byte[] text = market.nextTick(codes).getBytes(StandardCharsets.UTF_8);
            if (text.length == 0) {
                throw new AssertionError("the simulated market closed after " + counter.trades + " trades");
            }
            before.add(counter.trades);
            parser.parse(text, 0, text.length, counter);
            texts.add(text);
        }
        return new Frames(texts, before.stream().mapToInt(Integer::intValue).toArray(), counter.trades);
    }

    private record Frames(List<byte[]> texts, int[] tradesBefore, int trades) {
    }

    private static final class TradeCounter implements QuoteSink {
        int trades;

        @Override
        public void onLevel1(Level1View quote) {
            throw new AssertionError("a level-1 quote from level-2 codes");
        }

        @Override
        public void onTrade(TradeView trade) {
            trades++;
        }

        @Override
        public void onLevel10(Level10View book) {
            throw new AssertionError("a level-10 book from level-2 codes");
        }

        @Override
        public void onError(DecodeError error) {
            throw new AssertionError(error.toString());
        }
    }
}
