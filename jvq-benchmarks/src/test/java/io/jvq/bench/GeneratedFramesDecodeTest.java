package io.jvq.bench;

import io.jvq.bench.baseline.VendorDemoDecoder;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.core.TimeOfDay;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark compares jvq with the vendor-demo baseline on the same frames: both must read the
 * same numbers from them, or the comparison is between different work.
 */
class GeneratedFramesDecodeTest {

    @Test
    void jvqAndTheVendorDemoReadTheSameTrades() throws Exception {
        FrameCorpus corpus = FrameCorpus.generate(FrameMix.LV2, 16384, 100_000, 11);
        for (int i = 0; i < corpus.size(); i++) {
            List<JvqEvent> jvq = decode(corpus, i);
            List<Object> demo = new VendorDemoDecoder().decode(corpus.compressed(i));
            assertThat(jvq).hasSize(corpus.events(i)).hasSameSizeAs(demo);
            for (int k = 0; k < jvq.size(); k++) {
                Level2Trade t = (Level2Trade) jvq.get(k);
                VendorDemoDecoder.Trade d = (VendorDemoDecoder.Trade) demo.get(k);
                assertThat(t.code().wire()).isEqualTo(d.code());
                assertThat(TimeOfDay.format(t.timeOfDayMillis(), true)).isEqualTo(d.time());
                assertThat((double) t.tradeId()).isEqualTo(d.tradeId());
                assertThat(t.price()).isEqualTo(Math.round(d.price() * 10_000));
                assertThat((double) t.quantity()).isEqualTo(d.quantity());
            }
        }
    }

    @Test
    void jvqAndTheVendorDemoReadTheSameSnapshots() throws Exception {
        FrameCorpus corpus = FrameCorpus.generate(FrameMix.LV1, 16384, 60_000, 12);
        for (int i = 0; i < corpus.size(); i++) {
            List<JvqEvent> jvq = decode(corpus, i);
            List<Object> demo = new VendorDemoDecoder().decode(corpus.compressed(i));
            assertThat(jvq).hasSize(corpus.events(i)).hasSameSizeAs(demo);
            for (int k = 0; k < jvq.size(); k++) {
                Level1Quote q = (Level1Quote) jvq.get(k);
                VendorDemoDecoder.Snapshot d = (VendorDemoDecoder.Snapshot) demo.get(k);
                assertThat(q.code().wire()).isEqualTo(d.code());
                assertThat(q.name()).isEqualTo(d.name());
                assertThat(q.price()).isEqualTo(Math.round(d.price() * 10_000));
                assertThat(q.changePercent()).isEqualTo(Math.round(d.changePercent() * 10_000));
                assertThat((double) q.volume()).isEqualTo(d.volume());
                assertThat(q.amount()).isEqualTo(Math.round(d.amount() * 10_000));
                long[] book = q.book();
                for (int f = 0; f < book.length; f++) {
                    long expected = f % 2 == 0 ? (long) d.book()[f] : Math.round(d.book()[f] * 10_000);
                    assertThat(book[f]).as("book field %d of %s", f, q.code()).isEqualTo(expected);
                }
            }
        }
    }

    private static List<JvqEvent> decode(FrameCorpus corpus, int frame) {
        List<JvqEvent> events = new ArrayList<>();
        try (FrameDecoder decoder = new FrameDecoder(Corpora.MAX_INFLATED_BYTES)) {
            decoder.decode(ByteBuffer.wrap(corpus.compressed(frame)), new EventSink(events::add));
        }
        return events;
    }
}
