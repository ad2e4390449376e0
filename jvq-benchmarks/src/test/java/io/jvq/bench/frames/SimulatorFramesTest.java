package io.jvq.bench.frames;

import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorFramesTest {

    @Test
    void level2FramesDecodeWithoutErrorsToTheCountedTradesOverManyCodes() {
        FrameCorpus corpus = SimulatorFrames.generate(FrameMix.LV2, 16384, 100_000, 5);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            List<JvqEvent> events = decode(corpus, i);
            assertThat(events).hasSize(corpus.events(i)).allMatch(e -> e instanceof Level2Trade);
            events.forEach(e -> codes.add(((Level2Trade) e).code().symbol()));
            assertThat(corpus.inflated(i).length).isBetween(16384 * 3 / 4, 16384);
        }
        assertThat(codes).as("consecutive frames carry different codes").hasSizeGreaterThan(1000);
    }

    @Test
    void level1FramesDecodeWithoutErrorsOneSnapshotALine() {
        FrameCorpus corpus = SimulatorFrames.generate(FrameMix.LV1, 1024, 20_000, 6);
        for (int i = 0; i < corpus.size(); i++) {
            List<JvqEvent> events = decode(corpus, i);
            assertThat(events).hasSize(corpus.events(i)).allMatch(e -> e instanceof Level1Quote);
        }
    }

    private static List<JvqEvent> decode(FrameCorpus corpus, int frame) {
        List<JvqEvent> events = new ArrayList<>();
        try (FrameDecoder decoder = new FrameDecoder(1 << 20)) {
            decoder.decode(ByteBuffer.wrap(corpus.compressed(frame)), new EventSink(events::add));
        }
        assertThat(events).noneMatch(e -> e instanceof DecodeError);
        return events;
    }
}
