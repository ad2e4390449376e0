package io.jvq.bench.e2e;

import io.jvq.bench.Corpora;
import io.jvq.bench.frames.FrameCorpus;
import io.jvq.bench.frames.FrameMix;
import io.jvq.bench.frames.FrameSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkedFramesTest {

    @Test
    void onlyTheFirstTradeIdOfTheFrameIsReplaced() {
        byte[] text = "lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300\nlv2_000001=09:30:01.000,77,10.00,5\n"
                .getBytes(StandardCharsets.UTF_8);

        String marked = new String(MarkedFrames.withFirstTradeId(text, 9_000_000_000_042L), StandardCharsets.UTF_8);

        assertThat(marked).isEqualTo("lv2_600519=09:30:00.120,9000000000042,1700.50,100|09:30:00.120,1234568,1700.49,300\n"
                + "lv2_000001=09:30:01.000,77,10.00,5\n");
    }

    @Test
    void aFrameThatDoesNotStartWithALevel2LineIsRefusedByName() {
        byte[] text = "lv1_600519=a,b,c\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MarkedFrames.withFirstTradeId(text, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a level-2 frame").hasMessageContaining("lv1_600519");
    }

    @Test
    void everySlotCarriesItsCorpusFrameTradesWithItsOwnMarker() {
        FrameCorpus corpus = Corpora.get(FrameSource.SIMULATOR, FrameMix.LV2, 1024);
        int slots = corpus.size() + 3; // wraps around the corpus

        MarkedFrames frames = new MarkedFrames(corpus, slots);

        // The constructor decodes every slot and checks trades and marker; here the bookkeeping.
        assertThat(frames.slots()).isEqualTo(slots);
        assertThat(frames.trades(corpus.size() + 1)).isEqualTo(corpus.events(1));
    }
}
