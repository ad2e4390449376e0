package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static io.jvq.core.codec.QuoteParserTest.MOUTAI;
import static io.jvq.core.codec.QuoteParserTest.MOUTAI_TRADES;
import static io.jvq.core.codec.Recorder.decode;
import static io.jvq.core.codec.Recorder.errors;
import static io.jvq.core.codec.Recorder.quotes;
import static io.jvq.core.codec.WireText.deflate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raw-DEFLATE frames (docs/PROTOCOL.md §5) and the frames that must be reported and skipped (§6). */
class FrameDecoderTest {
    private static final int CAP = 64 * 1024;
    private static final String FRAME_TEXT = MOUTAI + "\n" + MOUTAI_TRADES + "\r\n\n" + MOUTAI.replace("600519", "000001") + "\n";

    private final FrameDecoder decoder = new FrameDecoder(CAP);

    @AfterEach
    void close() {
        decoder.close();
    }

    @Test
    void decodesEveryLineOfADeflatedFrameInOrder() {
        List<JvqEvent> events = decode(decoder, deflate(FRAME_TEXT));

        assertThat(errors(events)).isEmpty();
        assertThat(events).extracting(e -> e.getClass().getSimpleName() + " " + ((QuoteEvent) e).code())
                .containsExactly("Level1Quote lv1_600519", "Level2Trade lv2_600519", "Level2Trade lv2_600519",
                        "Level1Quote lv1_000001");
        assertThat(((Level1Quote) events.get(3)).name()).isEqualTo("贵州茅台");
    }

    @Test
    void readsDirectBuffersAndLeavesTheBufferAsItWas() {
        byte[] frame = deflate(FRAME_TEXT);
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length + 10);
        direct.put(new byte[5]).put(frame).put(new byte[5]);
        direct.position(5).limit(5 + frame.length);
        Recorder r = new Recorder();

        decoder.decode(direct, r.sink);

        assertThat(quotes(r.events)).hasSize(4);
        assertThat(direct.position()).isEqualTo(5);
        assertThat(direct.limit()).isEqualTo(5 + frame.length);
    }

    @Test
    void readsTheRemainingBytesOfASlicedHeapBuffer() {
        byte[] frame = deflate(MOUTAI_TRADES);
        byte[] padded = new byte[frame.length + 3];
        System.arraycopy(frame, 0, padded, 3, frame.length);
        Recorder r = new Recorder();

        decoder.decode(ByteBuffer.wrap(padded, 3, frame.length), r.sink);

        assertThat(r.events).hasSize(2).allMatch(e -> e instanceof Level2Trade);
    }

    @Test
    void growsItsOutputBufferForLargeFrames() {
        String text = (MOUTAI_TRADES + "\n").repeat(2_000);   // ~170 KB inflated
        try (FrameDecoder roomy = new FrameDecoder(1 << 20)) {
            assertThat(quotes(decode(roomy, deflate(text)))).hasSize(4_000);
        }
    }

    @Test
    void acceptsAFrameOfExactlyTheCapAndRejectsOneByteMore() {
        String line = MOUTAI_TRADES + "\n";
        String exact = line.repeat(CAP / line.length()) + " ".repeat(CAP % line.length());
        assertThat(WireText.utf8(exact)).hasSize(CAP);

        List<JvqEvent> atCap = decode(decoder, deflate(exact));
        List<JvqEvent> overCap = decode(decoder, deflate(exact + " "));

        assertThat(errors(atCap)).hasSize(1);    // the trailing line of blanks has no '='
        assertThat(quotes(atCap)).hasSize(2 * (CAP / line.length()));
        assertThat(overCap).hasSize(1);
        assertThat(((DecodeError) overCap.get(0)).reason()).contains("cap of 65536 bytes");
    }

    @Test
    void stopsInflatingABombAtTheCapAndReportsTheFrame() {
        byte[] bomb = Bomb.BYTES;
        long before = allocatedBytes();

        List<JvqEvent> events = decode(decoder, bomb);

        long allocated = allocatedBytes() - before;
        assertThat(events).hasSize(1);
        DecodeError error = (DecodeError) events.get(0);
        assertThat(error.frameLevel()).isTrue();
        assertThat(error.reason()).isEqualTo("binary frame inflates past the cap of 65536 bytes (maxInflatedBytes);"
                + " skipped (" + bomb.length + " compressed bytes)");
        // The bomb's tail is not DEFLATE: a decoder that inflated the whole 1 GiB would have said so instead.
        // And the memory it cost is bounded by the cap, not by the 1 GiB it would inflate to.
        assertThat(allocated).isLessThan(1 << 20);
        assertThat(quotes(decode(decoder, deflate(MOUTAI_TRADES)))).hasSize(2);
    }

    @Test
    void reportsBytesThatAreNotDeflateAndDecodesTheNextFrame() {
        byte[] garbage = new byte[100];
        Arrays.fill(garbage, (byte) 0xff);

        List<JvqEvent> events = decode(decoder, garbage);

        assertThat(events).hasSize(1);
        DecodeError error = (DecodeError) events.get(0);
        assertThat(error.frameLevel()).isTrue();
        assertThat(error.reason()).startsWith("binary frame is not raw DEFLATE data (")
                .endsWith("); 100 bytes skipped");
        assertThat(quotes(decode(decoder, deflate(FRAME_TEXT)))).hasSize(4);
    }

    @Test
    void reportsAZlibWrappedFrameAsNotRawDeflate() {
        Deflater zlib = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
        zlib.setInput(WireText.utf8(MOUTAI_TRADES));
        zlib.finish();
        byte[] out = new byte[1024];
        int n = zlib.deflate(out);
        zlib.end();

        List<JvqEvent> events = decode(decoder, Arrays.copyOf(out, n));

        assertThat(events).singleElement().matches(e -> ((DecodeError) e).frameLevel());
    }

    @Test
    void reportsAnEmptyFrame() {
        assertThat(decode(decoder, new byte[0])).containsExactly(new DecodeError(null, "", "empty binary frame"));
    }

    @Test
    void deliversTheCompleteLinesOfATruncatedStreamAndReportsTheCutLine() {
        byte[] flushed = syncFlushed(MOUTAI_TRADES + "\n" + MOUTAI.substring(0, 40));
        byte[] truncated = Arrays.copyOf(flushed, flushed.length - 4);   // without the sync-flush marker

        List<JvqEvent> events = decode(decoder, truncated);

        assertThat(events).hasSize(3);
        assertThat(quotes(events)).hasSize(2);
        DecodeError error = (DecodeError) events.get(2);
        assertThat(error.code()).isNull();
        assertThat(error.excerpt()).isEqualTo(MOUTAI.substring(0, 40));
        assertThat(error.reason()).startsWith("binary frame ended before its final DEFLATE block")
                .endsWith("the complete lines were delivered, the incomplete last line was dropped");
        assertThat(quotes(decode(decoder, deflate(MOUTAI_TRADES)))).hasSize(2);
    }

    @Test
    void takesAStreamEndingOnASyncFlushMarkerAsComplete() {
        List<JvqEvent> events = decode(decoder, syncFlushed(MOUTAI_TRADES + "\n" + MOUTAI));

        assertThat(errors(events)).isEmpty();
        assertThat(quotes(events)).hasSize(3);
    }

    @Test
    void letsAListenerExceptionPropagateAndStaysUsable() {
        QuoteSink failing = new EventSink(e -> {
            throw new IllegalStateException("listener bug");
        });

        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(deflate(FRAME_TEXT)), failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("listener bug");
        assertThat(quotes(decode(decoder, deflate(FRAME_TEXT)))).hasSize(4);
    }

    @Test
    void closesIdempotentlyAndRefusesToDecodeAfterwards() {
        decoder.close();
        decoder.close();

        assertThatThrownBy(() -> decode(decoder, deflate(MOUTAI_TRADES)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void rejectsANonPositiveCap() {
        assertThatThrownBy(() -> new FrameDecoder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInflatedBytes");
    }

    /** Deflates with a sync flush and no final block, as a streaming sender might. */
    static byte[] syncFlushed(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(WireText.utf8(text));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(chunk, 0, n);
        }
        deflater.end();
        return out.toByteArray();
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** 1 GiB of zeros, deflated, then bytes that are not DEFLATE: built once. */
    static final class Bomb {
        static final byte[] BYTES = build(1024);

        /**
         * A sync-flushed segment ends on a byte boundary and refers to nothing before it, so 1024 copies of
         * the segment for 1 MiB of zeros make a valid stream of 1 GiB without deflating 1 GiB here.
         */
        static byte[] build(int mebibytes) {
            byte[] segment = syncFlushed("\0".repeat(1 << 20));
            ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length * mebibytes + 4);
            for (int i = 0; i < mebibytes; i++) {
                out.write(segment, 0, segment.length);
            }
            byte[] reservedBlockType = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
            out.write(reservedBlockType, 0, reservedBlockType.length);
            return out.toByteArray();
        }
    }

    @Test
    void theBombIsValidDeflateOfOneGibibyteUntilItsTail() throws Exception {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        byte[] segment = syncFlushed("\0".repeat(1 << 20));
        byte[] twoSegments = new byte[2 * segment.length];
        System.arraycopy(segment, 0, twoSegments, 0, segment.length);
        System.arraycopy(segment, 0, twoSegments, segment.length, segment.length);
        inflater.setInput(twoSegments);
        byte[] out = new byte[3 << 20];

        int inflated = inflater.inflate(out);

        inflater.end();
        assertThat(inflated).isEqualTo(2 << 20);
        assertThat(Bomb.BYTES).hasSize(1024 * segment.length + 4);
    }

    @Test
    void aDecoderWithRoomForAWholeSmallBombReachesItsInvalidTail() {
        try (FrameDecoder roomy = new FrameDecoder(4 << 20)) {
            List<JvqEvent> events = decode(roomy, Bomb.build(3));

            assertThat(events).singleElement()
                    .satisfies(e -> assertThat(((DecodeError) e).reason()).startsWith("binary frame is not raw DEFLATE"));
        }
    }
}
