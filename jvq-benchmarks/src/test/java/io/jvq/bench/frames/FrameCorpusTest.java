package io.jvq.bench.frames;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameCorpusTest {
    private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d");
    private static final Pattern TIME_MILLIS = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d");
    private static final Pattern PRICE = Pattern.compile("\\d+\\.\\d{2,3}");
    private static final Pattern INTEGER = Pattern.compile("\\d+");

    @Test
    void everyFrameInflatesWithARawInflaterToItsText() throws Exception {
        FrameCorpus corpus = FrameCorpus.generate(FrameMix.LV2, 16384, 200_000, 1);
        Inflater inflater = new Inflater(true);
        byte[] out = new byte[corpus.maxInflatedBytes()];
        for (int i = 0; i < corpus.size(); i++) {
            inflater.reset();
            inflater.setInput(corpus.compressed(i));
            int n = inflater.inflate(out);
            assertThat(inflater.finished()).isTrue();
            assertThat(java.util.Arrays.copyOf(out, n)).isEqualTo(corpus.inflated(i));
        }
        inflater.end();
        assertThat(corpus.compressedBytes()).isLessThan(corpus.inflatedBytes());
    }

    @Test
    void level2FramesHoldWholeLinesOfFourFieldTradesEachCodeOnce() {
        FrameCorpus corpus = FrameCorpus.generate(FrameMix.LV2, 65536, 300_000, 2);
        Set<String> codesSeen = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            String text = new String(corpus.inflated(i), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            Set<String> codesInFrame = new HashSet<>();
            int trades = 0;
            for (String line : text.split("\n")) {
                String code = line.substring(0, line.indexOf('='));
                assertThat(SubscriptionCode.parse(code).level()).isEqualTo(QuoteLevel.LV2);
                assertThat(codesInFrame.add(code)).as("code %s once per frame", code).isTrue();
                for (String trade : line.substring(line.indexOf('=') + 1).split("\\|")) {
                    String[] f = trade.split(",");
                    assertThat(f).hasSize(4);
                    assertThat(f[0]).matches(TIME_MILLIS);
                    assertThat(f[1]).matches(INTEGER);
                    assertThat(f[2]).matches(PRICE);
                    assertThat(f[3]).matches(INTEGER);
                    trades++;
                }
            }
            assertThat(trades).isEqualTo(corpus.events(i));
            codesSeen.addAll(codesInFrame);
        }
        assertThat(codesSeen).as("distinct codes across the corpus").hasSizeGreaterThan(1000);
        assertThat(corpus.totalEvents()).isGreaterThan(corpus.size() * 1000L);
    }

    @Test
    void level1FramesHold26FieldSnapshotsWithChineseNames() {
        FrameCorpus corpus = FrameCorpus.generate(FrameMix.LV1, 16384, 100_000, 3);
        int snapshots = 0;
        for (int i = 0; i < corpus.size(); i++) {
            for (String line : new String(corpus.inflated(i), StandardCharsets.UTF_8).split("\n")) {
                String code = line.substring(0, line.indexOf('='));
                assertThat(SubscriptionCode.parse(code).level()).isEqualTo(QuoteLevel.LV1);
                String[] f = line.substring(line.indexOf('=') + 1).split(",");
                assertThat(f).hasSize(26);
                assertThat(f[0]).matches(TIME);
                assertThat(f[1]).matches(".*\\p{IsHan}.*");
                assertThat(f[2]).matches(PRICE);
                assertThat(f[3]).matches("-?\\d+\\.\\d\\d");
                assertThat(f[4]).matches(INTEGER);
                assertThat(f[5]).matches("\\d+\\.\\d\\d");
                for (int level = 0; level < 10; level++) {
                    assertThat(f[6 + 2 * level]).matches(INTEGER);
                    assertThat(f[7 + 2 * level]).matches("0|" + PRICE.pattern());
                }
                double bestBid = Double.parseDouble(f[7]);
                double bestAsk = Double.parseDouble(f[17]);
                assertThat(bestAsk == 0 || bestAsk > bestBid).as("ask above bid in %s", line).isTrue();
                snapshots++;
            }
        }
        assertThat(snapshots).isEqualTo(corpus.totalEvents());
    }

    @Test
    void framesComeCloseToTheirTargetSizeWithoutPassingIt() {
        for (int target : new int[] {1024, 16384, 65536}) {
            FrameCorpus corpus = FrameCorpus.generate(FrameMix.LV1, target, 4L * target, 4);
            for (int i = 0; i < corpus.size(); i++) {
                assertThat(corpus.inflated(i).length).isBetween(target * 3 / 4, target);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFrames() {
        FrameCorpus a = FrameCorpus.generate(FrameMix.LV2, 1024, 20_000, 7);
        FrameCorpus b = FrameCorpus.generate(FrameMix.LV2, 1024, 20_000, 7);
        FrameCorpus c = FrameCorpus.generate(FrameMix.LV2, 1024, 20_000, 8);
        assertThat(b.size()).isEqualTo(a.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.inflated(i)).isEqualTo(a.inflated(i));
        }
        assertThat(c.inflated(0)).isNotEqualTo(a.inflated(0));
    }

    @Test
    void sizesMustBePositive() {
        assertThatThrownBy(() -> FrameCorpus.generate(FrameMix.LV2, 0, 1000, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frameBytes");
    }
}
