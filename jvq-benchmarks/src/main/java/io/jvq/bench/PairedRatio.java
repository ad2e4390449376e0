package io.jvq.bench;

import io.jvq.bench.baseline.VendorDemoDecoder;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.codec.QuoteParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Ratios that survive a shared machine. JMH runs one benchmark after another, minutes apart, so on a
 * machine where other people's builds come and go a ratio of two JMH scores compares two different
 * machines. This harness interleaves instead: every round runs every (corpus, workload) pair for a
 * short slice, round after round, and each ratio is taken within a round, where both sides saw the
 * same load; the report gives the median over rounds and the quartiles. Rates are per wall second
 * and per CPU second of the measuring thread (which excludes GC and JIT threads).
 *
 * <pre>java -cp jvq-benchmarks/target/benchmarks.jar io.jvq.bench.PairedRatio [rounds=20] [warmup=5] [sliceMillis=100] [source=SIMULATOR|SYNTHETIC]</pre>
 *
 * JMH remains the reference for absolute figures and allocation (-prof gc); this answers "how does A
 * compare with B" when the machine will not hold still.
 */
public final class PairedRatio {
    private static final List<Integer> SIZES = List.of(1024, 16384, 65536);
    private static final String FLOOR = "inflateOnly";

    /** One way of handling frame {@code i} of a corpus; returns the records it delivered. */
    private interface Workload {
        long run(int frame) throws DataFormatException;
    }

    private record Config(FrameMix mix, int frameBytes) {
        @Override
        public String toString() {
            return mix + " " + frameBytes + " B";
        }
    }

    /** Rates of one (config, workload) slice per round. */
    private static final class Series {
        final List<Double> bytesPerSecond = new ArrayList<>();
        final List<Double> bytesPerCpuSecond = new ArrayList<>();
        final List<Double> recordsPerSecond = new ArrayList<>();
        final List<Double> recordsPerCpuSecond = new ArrayList<>();
    }

    /** Where the record path's events escape to, so that they are really allocated. */
    static volatile Object escaped;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        long sliceNanos = Long.parseLong(options.getOrDefault("sliceMillis", "100")) * 1_000_000L;
        FrameSource source = FrameSource.valueOf(options.getOrDefault("source", FrameSource.SIMULATOR.name()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        Map<Config, Map<String, Workload>> workloads = new LinkedHashMap<>();
        Map<Config, FrameCorpus> corpora = new LinkedHashMap<>();
        for (FrameMix mix : FrameMix.values()) {
            for (int size : SIZES) {
                Config config = new Config(mix, size);
                FrameCorpus corpus = Corpora.get(source, mix, size);
                corpora.put(config, corpus);
                workloads.put(config, workloadsFor(corpus));
            }
        }
        Map<Config, Map<String, Series>> results = new LinkedHashMap<>();
        workloads.forEach((config, byName) -> {
            Map<String, Series> series = new LinkedHashMap<>();
            byName.keySet().forEach(name -> series.put(name, new Series()));
            results.put(config, series);
        });

        IdentityHashMap<Workload, Integer> cursor = new IdentityHashMap<>();
        for (int round = 0; round < warmup + rounds; round++) {
            for (Map.Entry<Config, Map<String, Workload>> entry : workloads.entrySet()) {
                FrameCorpus corpus = corpora.get(entry.getKey());
                for (Map.Entry<String, Workload> w : entry.getValue().entrySet()) {
                    long bytes = 0;
                    long records = 0;
                    int frame = cursor.getOrDefault(w.getValue(), 0);
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    long t;
                    do {
                        records += w.getValue().run(frame);
                        bytes += corpus.inflated(frame).length;
                        frame = frame + 1 == corpus.size() ? 0 : frame + 1;
                        t = System.nanoTime();
                    } while (t - t0 < sliceNanos);
                    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                    if (round >= warmup) {
                        Series s = results.get(entry.getKey()).get(w.getKey());
                        double wall = (t - t0) / 1e9;
                        s.bytesPerSecond.add(bytes / wall);
                        s.recordsPerSecond.add(records / wall);
                        s.bytesPerCpuSecond.add(bytes / (cpu / 1e9));
                        s.recordsPerCpuSecond.add(records / (cpu / 1e9));
                    }
                    cursor.put(w.getValue(), frame);
                }
            }
            System.err.printf(Locale.ROOT, "round %d/%d%s%n", round + 1, warmup + rounds, round < warmup ? " (warm-up)" : "");
        }
        report(source, results, rounds, sliceNanos);
    }

    private static Map<String, Workload> workloadsFor(FrameCorpus corpus) throws DataFormatException {
        Map<String, Workload> w = new LinkedHashMap<>();
        Inflater inflater = new Inflater(true);
        byte[] out = new byte[corpus.maxInflatedBytes()];
        w.put(FLOOR, i -> {
            inflater.reset();
            inflater.setInput(corpus.compressed(i));
            inflater.inflate(out);
            if (!inflater.finished()) {
                throw new DataFormatException("frame " + i + " did not inflate completely");
            }
            return corpus.events(i);
        });
        VendorDemoDecoder vendor = new VendorDemoDecoder();
        w.put("vendorDemo", i -> {
            List<Object> records = vendor.decode(corpus.compressed(i));
            escaped = records;
            return records.size();
        });
        ByteBuffer[] frames = corpus.compressedBuffers();
        FrameDecoder decoder = new FrameDecoder(Corpora.MAX_INFLATED_BYTES);
        FieldReadingSink fields = new FieldReadingSink();
        EventCounter counter = new EventCounter(e -> escaped = e);
        EventSink events = new EventSink(counter);
        w.put("jvqRecords", i -> {
            long before = counter.events;
            decoder.decode(frames[i], events);
            return counter.events - before;
        });
        w.put("jvqFlyweight", i -> {
            long before = fields.events;
            decoder.decode(frames[i], fields);
            return fields.events - before;
        });
        QuoteParser parser = new QuoteParser();
        w.put("parseRecords", i -> {
            long before = counter.events;
            parser.parse(corpus.inflated(i), 0, corpus.inflated(i).length, events);
            return counter.events - before;
        });
        w.put("parseFlyweight", i -> {
            long before = fields.events;
            parser.parse(corpus.inflated(i), 0, corpus.inflated(i).length, fields);
            return fields.events - before;
        });
        // Same check as the JMH benchmarks: every workload delivers every record of every frame.
        for (Map.Entry<String, Workload> e : w.entrySet()) {
            for (int i = 0; i < corpus.size(); i++) {
                Corpora.expectEvents(e.getKey(), i, e.getValue().run(i), corpus.events(i));
            }
        }
        return w;
    }

    private static void report(FrameSource source, Map<Config, Map<String, Series>> results, int rounds, long sliceNanos) {
        System.out.printf(Locale.ROOT, "%s frames, interleaved: %d rounds, %d ms slices; medians over rounds [quartiles].%n%n",
                source, rounds, sliceNanos / 1_000_000);
        System.out.println("| corpus | workload | MB/s | MB per CPU-s | M records/s | M records per CPU-s | / inflateOnly (wall) | / inflateOnly (CPU) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        results.forEach((config, byName) -> {
            Series floor = byName.get(FLOOR);
            byName.forEach((name, s) -> System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f | %.2f | %s | %s |%n",
                    config, name, median(s.bytesPerSecond) / 1e6, median(s.bytesPerCpuSecond) / 1e6,
                    median(s.recordsPerSecond) / 1e6, median(s.recordsPerCpuSecond) / 1e6,
                    name.equals(FLOOR) || name.startsWith("parse") ? "" : ratio(s.bytesPerSecond, floor.bytesPerSecond),
                    name.equals(FLOOR) || name.startsWith("parse") ? "" : ratio(s.bytesPerCpuSecond, floor.bytesPerCpuSecond)));
        });
        System.out.println();
        System.out.println("Per byte, smaller frames / 65536 B frames of the same mix and workload:");
        System.out.println();
        System.out.println("| mix | workload | 1024 / 65536 (wall) | 1024 / 65536 (CPU) | 16384 / 65536 (wall) | 16384 / 65536 (CPU) |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (FrameMix mix : FrameMix.values()) {
            Map<String, Series> large = results.get(new Config(mix, 65536));
            Map<String, Series> small = results.get(new Config(mix, 1024));
            Map<String, Series> medium = results.get(new Config(mix, 16384));
            large.forEach((name, l) -> System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", mix, name,
                    ratio(small.get(name).bytesPerSecond, l.bytesPerSecond),
                    ratio(small.get(name).bytesPerCpuSecond, l.bytesPerCpuSecond),
                    ratio(medium.get(name).bytesPerSecond, l.bytesPerSecond),
                    ratio(medium.get(name).bytesPerCpuSecond, l.bytesPerCpuSecond)));
        }
    }

    /** Median of the per-round ratios a[r] / b[r], with quartiles. */
    private static String ratio(List<Double> a, List<Double> b) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i) / b.get(i);
        }
        Arrays.sort(r);
        return String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", quantile(r, 0.5), quantile(r, 0.25), quantile(r, 0.75));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return quantile(v, 0.5);
    }

    private static double quantile(double[] sorted, double q) {
        double index = q * (sorted.length - 1);
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (index - lo);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value (rounds, warmup, sliceMillis, source), got '" + arg + "'");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
