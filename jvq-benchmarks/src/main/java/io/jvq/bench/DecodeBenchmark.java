package io.jvq.bench;

import io.jvq.bench.baseline.VendorDemoDecoder;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.FrameDecoder;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compressed frame in, records out: one operation is one frame, cycling through the corpus.
 * {@code inflateOnly} is the floor every decoder pays; {@code vendorDemo} is what users have today;
 * {@code jvqRecords} and {@code jvqFlyweight} are jvq's {@link FrameDecoder} on its two paths.
 * Compare them through the {@code bytes} counter (inflated bytes per second) within one run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class DecodeBenchmark {

    /** Who wrote the frames: jvq-sim's market simulator, or this module's generator. */
    @Param({"SIMULATOR", "SYNTHETIC"})
    public FrameSource source;

    @Param({"LV2", "LV1"})
    public FrameMix mix;

    /** Target inflated size of a frame. */
    @Param({"1024", "16384", "65536"})
    public int frameBytes;

    private FrameCorpus corpus;
    private int next;
    private Inflater inflater;
    private byte[] inflated;
    private VendorDemoDecoder vendor;
    private ByteBuffer[] frames;
    private FrameDecoder decoder;
    private FieldReadingSink fieldReader;
    private EventCounter eventCounter;
    private EventSink eventSink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) throws DataFormatException {
        corpus = Corpora.get(source, mix, frameBytes);
        inflater = new Inflater(true);
        inflated = new byte[corpus.maxInflatedBytes()];
        vendor = new VendorDemoDecoder();
        frames = corpus.compressedBuffers();
        decoder = new FrameDecoder(Corpora.MAX_INFLATED_BYTES);
        fieldReader = new FieldReadingSink();
        eventCounter = new EventCounter(blackhole::consume);
        eventSink = new EventSink(eventCounter);
        // A benchmark of a decoder that decodes wrongly measures nothing: check every frame once.
        for (int i = 0; i < corpus.size(); i++) {
            int n = inflate(corpus.compressed(i));
            if (!Arrays.equals(inflated, 0, n, corpus.inflated(i), 0, corpus.inflated(i).length)) {
                throw new IllegalStateException("frame " + i + " does not inflate to its text");
            }
            List<Object> records = vendor.decode(corpus.compressed(i));
            if (records.size() != corpus.events(i)) {
                throw new IllegalStateException("vendor demo decoded " + records.size() + " records from frame "
                        + i + ", expected " + corpus.events(i));
            }
            long before = fieldReader.events;
            decoder.decode(frames[i], fieldReader);
            Corpora.expectEvents("jvq flyweight path", i, fieldReader.events - before, corpus.events(i));
            before = eventCounter.events;
            decoder.decode(frames[i], eventSink);
            Corpora.expectEvents("jvq record path", i, eventCounter.events - before, corpus.events(i));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        inflater.end();
        decoder.close();
    }

    private int nextFrame() {
        int i = next;
        next = i + 1 == corpus.size() ? 0 : i + 1;
        return i;
    }

    private int inflate(byte[] compressed) throws DataFormatException {
        inflater.reset();
        inflater.setInput(compressed);
        int n = inflater.inflate(inflated);
        if (!inflater.finished()) {
            throw new DataFormatException("frame did not inflate completely into " + inflated.length + " bytes");
        }
        return n;
    }

    /** The floor: a reused raw inflater into a reused buffer, nothing parsed. */
    @Benchmark
    public int inflateOnly(FrameCounters counters) throws DataFormatException {
        int i = nextFrame();
        int n = inflate(corpus.compressed(i));
        counters.add(n, corpus.events(i));
        return n;
    }

    /** The baseline: a new inflater, a String and split/parseDouble per frame. */
    @Benchmark
    public void vendorDemo(FrameCounters counters, Blackhole blackhole) throws DataFormatException {
        int i = nextFrame();
        List<Object> records = vendor.decode(corpus.compressed(i));
        blackhole.consume(records);
        counters.add(corpus.inflated(i).length, records.size());
    }

    /** jvq, record path: an immutable event object per record, each escaping into a Blackhole. */
    @Benchmark
    public void jvqRecords(FrameCounters counters) {
        int i = nextFrame();
        long before = eventCounter.events;
        decoder.decode(frames[i], eventSink);
        counters.add(corpus.inflated(i).length, eventCounter.events - before);
    }

    /** jvq, flyweight path: a sink reads every numeric field from the reused views; nothing is allocated. */
    @Benchmark
    public long jvqFlyweight(FrameCounters counters) {
        int i = nextFrame();
        long before = fieldReader.events;
        decoder.decode(frames[i], fieldReader);
        counters.add(corpus.inflated(i).length, fieldReader.events - before);
        return fieldReader.checksum;
    }
}
