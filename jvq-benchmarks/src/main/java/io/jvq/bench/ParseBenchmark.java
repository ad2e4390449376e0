package io.jvq.bench;

import io.jvq.bench.baseline.VendorDemoDecoder;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.QuoteParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parsing alone: the inflated text of a frame is already in memory, so this is the grammar's cost
 * without DEFLATE. One operation is one frame; the {@code events} counter gives trades or
 * snapshots per second, the figure the parse-only targets are stated in.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ParseBenchmark {

    /** Who wrote the frames: jvq-sim's market simulator, or this module's generator. */
    @Param({"SIMULATOR", "SYNTHETIC"})
    public FrameSource source;

    @Param({"LV2", "LV1"})
    public FrameMix mix;

    @Param({"1024", "16384", "65536"})
    public int frameBytes;

    private FrameCorpus corpus;
    private int next;
    private VendorDemoDecoder vendor;
    private QuoteParser parser;
    private FieldReadingSink fieldReader;
    private EventCounter eventCounter;
    private EventSink eventSink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        corpus = Corpora.get(source, mix, frameBytes);
        vendor = new VendorDemoDecoder();
        parser = new QuoteParser();
        fieldReader = new FieldReadingSink();
        eventCounter = new EventCounter(blackhole::consume);
        eventSink = new EventSink(eventCounter);
        for (int i = 0; i < corpus.size(); i++) {
            int records = vendor.parse(new String(corpus.inflated(i), StandardCharsets.UTF_8)).size();
            if (records != corpus.events(i)) {
                throw new IllegalStateException("vendor demo parsed " + records + " records from frame " + i
                        + ", expected " + corpus.events(i));
            }
            byte[] text = corpus.inflated(i);
            long before = fieldReader.events;
            parser.parse(text, 0, text.length, fieldReader);
            Corpora.expectEvents("jvq flyweight path", i, fieldReader.events - before, corpus.events(i));
            before = eventCounter.events;
            parser.parse(text, 0, text.length, eventSink);
            Corpora.expectEvents("jvq record path", i, eventCounter.events - before, corpus.events(i));
        }
    }

    private int nextFrame() {
        int i = next;
        next = i + 1 == corpus.size() ? 0 : i + 1;
        return i;
    }

    /** The baseline's parse: one String for the frame, split and parseDouble. */
    @Benchmark
    public void vendorDemo(FrameCounters counters, Blackhole blackhole) {
        int i = nextFrame();
        byte[] text = corpus.inflated(i);
        List<Object> records = vendor.parse(new String(text, StandardCharsets.UTF_8));
        blackhole.consume(records);
        counters.add(text.length, records.size());
    }

    /** jvq's parser, record path: an event object per record, into a Blackhole. */
    @Benchmark
    public void jvqRecords(FrameCounters counters) {
        byte[] text = corpus.inflated(nextFrame());
        long before = eventCounter.events;
        parser.parse(text, 0, text.length, eventSink);
        counters.add(text.length, eventCounter.events - before);
    }

    /** jvq's parser, flyweight path: fields read from the reused views, nothing allocated. */
    @Benchmark
    public long jvqFlyweight(FrameCounters counters) {
        byte[] text = corpus.inflated(nextFrame());
        long before = fieldReader.events;
        parser.parse(text, 0, text.length, fieldReader);
        counters.add(text.length, fieldReader.events - before);
        return fieldReader.checksum;
    }
}
