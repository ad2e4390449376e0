package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.JvqClient;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.Level2Trade;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.transport.vertx.JvqVertx;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A harness run by hand (see BENCHMARKS.md), not a test: the fake jvQuant feeds two real clients
 * on loopback, one delivering directly to a listener, one bridging to an in-process Kafka from
 * which a {@link KafkaQuoteSource} reads.
 * <ol>
 *   <li>Latency: trades at a fixed rate; for each, the time from the server's push to the direct
 *       listener and to the Kafka source's listener (same JVM, same clock).</li>
 *   <li>Throughput: as many trades as the server can push; trades/s until the source has them all.</li>
 * </ol>
 * Properties: {@code jvq.bench.rate} (trades/s, 20000), {@code jvq.bench.seconds} (measured, 20),
 * {@code jvq.bench.warmup} (5), {@code jvq.bench.trades} (throughput run, 1000000),
 * {@code jvq.bench.linger} (the producer's linger.ms, the bridge's default 5).
 */
@EnabledIfSystemProperty(named = "jvq.bench", matches = "true")
class BridgeBenchmark {
    private static final List<String> SYMBOLS = List.of("600519", "000001", "300750", "601318", "000858",
            "002594", "600036", "601012", "000333", "600276");

    @Test
    void throughputAndAddedLatency() throws Exception {
        int rate = Integer.getInteger("jvq.bench.rate", 20_000);
        int seconds = Integer.getInteger("jvq.bench.seconds", 20);
        int warmup = Integer.getInteger("jvq.bench.warmup", 5);
        int throughputTrades = Integer.getInteger("jvq.bench.trades", 1_000_000);
        int linger = Integer.getInteger("jvq.bench.linger", 5);
        List<SubscriptionCode> codes = SYMBOLS.stream().map(SubscriptionCode::lv2).toList();

        // latency: one frame a millisecond, each trade's frame number recoverable from its id
        int perCodePerFrame = Math.max(1, rate / 1000 / SYMBOLS.size());
        int frames = (warmup + seconds) * 1000;
        long[] pushedAt = new long[frames + 1];
        int measuredFrom = warmup * 1000;
        Histogram direct = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram viaKafka = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);

        try (KafkaBroker kafka = KafkaBroker.start(); FakeJvQuant server = FakeJvQuant.start()) {
            LatencyListener directListener = new LatencyListener(pushedAt, perCodePerFrame, measuredFrom, direct);
            LatencyListener kafkaListener = new LatencyListener(pushedAt, perCodePerFrame, measuredFrom, viaKafka);
            KafkaQuoteBridge bridge = KafkaQuoteBridge.builder().bootstrapServers(kafka.bootstrapServers())
                    .producerProperty("linger.ms", linger).build();
            JvqClient bridged = JvqVertx.clientBuilder(server.clientOptions().build()).quoteSink(bridge)
                    .listener(bridge.listener(new QuoteListener() {
                    })).build();
            JvqClient directClient = JvqVertx.clientBuilder(server.clientOptions().build())
                    .listener(directListener).build();
            KafkaQuoteSource source = KafkaQuoteSource.builder().bootstrapServers(kafka.bootstrapServers())
                    .codes(codes).startAt(StartPosition.earliest()).listener(kafkaListener).build();
            try {
                for (JvqClient client : List.of(bridged, directClient)) {
                    client.subscribe(codes);
                    client.start();
                }
                server.awaitConnections(2, Duration.ofSeconds(30));
                waitFor(() -> server.openConnectionIds().stream().allMatch(id -> server.subscriptionOf(id).size() == codes.size()));
                source.start();

                long next = System.nanoTime();
                for (int frame = 0; frame < frames; frame++) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    pushedAt[frame] = System.nanoTime();
                    server.pushQuotes(frame((long) frame * perCodePerFrame + 1, perCodePerFrame));
                    next += 1_000_000;
                }
                long expected = (long) frames * perCodePerFrame * SYMBOLS.size();
                settle(() -> Math.min(kafkaListener.trades, directListener.trades), expected);
                System.out.printf("sent %,d trades; direct got %,d, kafka got %,d; reconnects: direct %d, bridge %d%n",
                        expected, directListener.trades, kafkaListener.trades, directClient.stats().reconnects(),
                        bridged.stats().reconnects());
                System.out.printf("latency at %,d trades/s (%d trades a frame, one frame a ms), %d s measured after %d s"
                                + " warm-up, linger.ms=%d%n", perCodePerFrame * SYMBOLS.size() * 1000,
                        perCodePerFrame * SYMBOLS.size(), seconds, warmup, linger);
                print("direct  ", direct);
                print("kafka   ", viaKafka);
                System.out.printf("added   p50 %.2f ms, p99 %.2f ms%n",
                        (viaKafka.getValueAtPercentile(50) - direct.getValueAtPercentile(50)) / 1e6,
                        (viaKafka.getValueAtPercentile(99) - direct.getValueAtPercentile(99)) / 1e6);

                // throughput: frames of 1,000 trades, as fast as the server pushes them
                long before = source.stats().delivered();
                long firstId = (long) frames * perCodePerFrame + 1;
                int perCode = 100;
                long start = System.nanoTime();
                for (long sent = 0; sent < throughputTrades; sent += (long) perCode * SYMBOLS.size()) {
                    server.pushQuotes(frame(firstId, perCode));
                    firstId += perCode;
                }
                long pushed = System.nanoTime();
                long published = settle(() -> bridge.stats().published(), expected + throughputTrades);
                long end = settle(() -> source.stats().delivered() - before, throughputTrades);
                long read = source.stats().delivered() - before;
                System.out.printf("throughput: %,d trades pushed in %.2f s, acknowledged by Kafka after %.2f s,"
                                + " %,d read from Kafka after %.2f s: %,.0f trades/s; bridge %s%n", throughputTrades,
                        (pushed - start) / 1e9, (published - start) / 1e9, read, (end - start) / 1e9,
                        read / ((end - start) / 1e9), bridge.stats());
            } finally {
                source.close();
                bridged.close();
                directClient.close();
                bridge.close();
            }
        }
    }

    /** One frame: {@code perCode} trades of every code, ids from {@code firstId}. */
    private static String frame(long firstId, int perCode) {
        StringBuilder text = new StringBuilder(SYMBOLS.size() * perCode * 36);
        for (String symbol : SYMBOLS) {
            text.append("lv2_").append(symbol).append('=');
            for (int i = 0; i < perCode; i++) {
                if (i > 0) {
                    text.append('|');
                }
                text.append("09:30:00.000,").append(firstId + i).append(",1700.50,100");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%s n=%,d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", what,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }

    /**
     * Waits until {@code count} reaches {@code target}, or has not moved for 10 s (a reconnect lost
     * trades); returns when it last moved.
     */
    private static long settle(java.util.function.LongSupplier count, long target) throws InterruptedException {
        long last = -1;
        long lastMoved = System.nanoTime();
        while (true) {
            long now = count.getAsLong();
            if (now != last) {
                last = now;
                lastMoved = System.nanoTime();
            }
            if (now >= target || System.nanoTime() - lastMoved > TimeUnit.SECONDS.toNanos(10)) {
                return lastMoved;
            }
            Thread.sleep(5);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 5 minutes");
            }
            Thread.sleep(10);
        }
    }

    /** Records, per trade, the time since its frame was pushed (one thread calls it). */
    private static final class LatencyListener implements QuoteListener {
        private final long[] pushedAt;
        private final int perCodePerFrame;
        private final int measuredFrom;
        private final Histogram histogram;
        volatile long trades;

        LatencyListener(long[] pushedAt, int perCodePerFrame, int measuredFrom, Histogram histogram) {
            this.pushedAt = pushedAt;
            this.perCodePerFrame = perCodePerFrame;
            this.measuredFrom = measuredFrom;
            this.histogram = histogram;
        }

        // One thread calls it: trades is volatile only so that the benchmark's thread reads it.
        @SuppressWarnings("NonAtomicVolatileUpdate")
        @Override
        public void onTrade(Level2Trade trade) {
            long now = System.nanoTime();
            long frame = (trade.tradeId() - 1) / perCodePerFrame;
            if (frame < pushedAt.length - 1 && frame >= measuredFrom) {
                histogram.recordValue(Math.max(0, now - pushedAt[(int) frame]));
            }
            trades++;
        }
    }
}
