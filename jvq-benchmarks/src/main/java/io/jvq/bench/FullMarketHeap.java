package io.jvq.bench;

import io.jvq.bench.e2e.Args;
import io.jvq.bench.e2e.ChildJvm;
import io.jvq.bench.e2e.ClientRig;
import io.jvq.bench.e2e.DeliveryPath;
import io.jvq.bench.e2e.FeedServerMain;
import io.jvq.bench.e2e.FeedTap;
import io.jvq.bench.e2e.MachineLoad;
import io.jvq.bench.e2e.Transport;
import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.sim.MarketSimulator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Heap of a client with a full-market subscription (every lv1 and every lv2 code of the simulator,
 * ≈5,300 each) while the simulator streams: the fake server runs in a child JVM
 * ({@link FeedServerMain}), so the heap measured here is the client's (and this harness's few
 * objects). Every {@code sampleSeconds} it runs {@code System.gc()} and reads the heap in use.
 *
 * <pre>java -cp jvq-benchmarks/target/benchmarks.jar io.jvq.bench.FullMarketHeap \
 *     [transport=VERTX|TYRUS] [path=RECORDS|FLYWEIGHT] [seconds=30] [sampleSeconds=5] [tickMillis=1000]</pre>
 */
public final class FullMarketHeap {
    private static final Set<String> KEYS = Set.of("transport", "path", "seconds", "sampleSeconds", "tickMillis");

    private FullMarketHeap() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, KEYS);
        Transport transport = args.getEnum("transport", Transport.class, Transport.VERTX);
        DeliveryPath path = args.getEnum("path", DeliveryPath.class, DeliveryPath.RECORDS);
        int seconds = args.getInt("seconds", 30);
        int sampleSeconds = args.getInt("sampleSeconds", 5);
        int tickMillis = args.getInt("tickMillis", 1000);

        List<SubscriptionCode> codes = new ArrayList<>(MarketSimulator.fullMarketCodes(QuoteLevel.LV1));
        codes.addAll(MarketSimulator.fullMarketCodes(QuoteLevel.LV2));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc(memory);

        try (ChildJvm server = ChildJvm.start(List.of("-Xmx512m"), FeedServerMain.class, List.of("tickMillis=" + tickMillis))) {
            ClientOptions options = ClientRig.optionsForFake(Integer.parseInt(server.expect("port=")));
            FeedTap tap = FeedTap.counting();
            List<Long> samples = new ArrayList<>();
            long cpu0 = MachineLoad.processCpuNanos();
            long wall0 = System.nanoTime();
            try (JvqClient client = ClientRig.connect(transport, path, options, codes, tap)) {
                for (int elapsed = sampleSeconds; elapsed <= seconds; elapsed += sampleSeconds) {
                    TimeUnit.SECONDS.sleep(sampleSeconds);
                    long used = heapAfterGc(memory);
                    samples.add(used);
                    System.out.printf(Locale.ROOT, "t=%3ds heap after GC %6.1f MiB; %,d snapshots, %,d trades, %d decode errors; %s%n",
                            elapsed, used / 1048576.0, tap.snapshots(), tap.trades(), tap.decodeErrors(), client.stats());
                }
                double cpu = (double) (MachineLoad.processCpuNanos() - cpu0) / (System.nanoTime() - wall0);
                long max = samples.stream().mapToLong(Long::longValue).max().orElse(0);
                System.out.printf(Locale.ROOT, "%s %s, %d lv1 + lv2 codes, %d s: heap after GC before the client %.1f MiB,"
                                + " while streaming max %.1f MiB (samples %s); %,d snapshots and %,d trades delivered"
                                + " (%,.0f/s), %d decode errors; this JVM used %.2f CPUs; load average %s%n",
                        transport, path, codes.size(), seconds, before / 1048576.0, max / 1048576.0, mib(samples),
                        tap.snapshots(), tap.trades(), (tap.snapshots() + tap.trades()) * 1e9 / (System.nanoTime() - wall0),
                        tap.decodeErrors(), cpu, MachineLoad.loadAverage());
            }
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String mib(List<Long> samples) {
        StringBuilder out = new StringBuilder();
        for (long s : samples) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", s / 1048576.0));
        }
        return out.toString();
    }
}
