package io.jvq.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * CPU time the benchmark JVM used per iteration ({@code -prof io.jvq.bench.CpuTimeProfiler}).
 * On a machine shared with other people's builds a benchmark gets only part of a core, and wall-clock
 * throughput measures that share as much as the code. {@code cpu.util} (process CPU seconds per
 * wall second: the benchmark thread plus GC and JIT threads) lets a summary turn rates into
 * rates per CPU second, which such interference disturbs far less; {@code cpu.time.norm} is CPU
 * nanoseconds per operation. Garbage collection is counted, as it should be: it is part of a
 * decoder's cost.
 */
public class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "process CPU time per iteration: cpu.util (CPU s / wall s) and cpu.time.norm (CPU ns / op)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                    IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long ops = result.getMetadata().getMeasuredOps();
        return List.of(
                new ScalarResult("cpu.util", wall > 0 ? (double) cpu / wall : Double.NaN, "cpu/wall", AggregationPolicy.AVG),
                new ScalarResult("cpu.time.norm", ops > 0 ? (double) cpu / ops : Double.NaN, "ns/op", AggregationPolicy.AVG));
    }
}
