package io.jvq.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The build must keep generating the JMH stubs, or benchmarks.jar would run nothing. */
class BenchmarkListTest {
    private static final List<Class<?>> BENCHMARK_CLASSES = List.of(DecodeBenchmark.class, ParseBenchmark.class,
            EndToEndBenchmark.class);

    @Test
    void theAnnotationProcessorListedEveryBenchmarkMethod() throws Exception {
        List<String> listed = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertThat(in).as("%s on the classpath", BenchmarkList.BENCHMARK_LIST).isNotNull();
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                listed.add(entry.getUsername());
            }
        }
        List<String> declared = new ArrayList<>();
        for (Class<?> type : BENCHMARK_CLASSES) {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    declared.add(type.getName() + "." + method.getName());
                }
            }
        }
        assertThat(declared).contains("io.jvq.bench.DecodeBenchmark.inflateOnly");
        assertThat(listed).containsAll(declared);
    }
}
