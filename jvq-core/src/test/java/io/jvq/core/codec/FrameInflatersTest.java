package io.jvq.core.codec;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.function.IntFunction;
import java.util.zip.DataFormatException;

import static io.jvq.core.codec.WireText.deflate;
import static org.assertj.core.api.Assertions.assertThat;

/** Which inflater decodes frames: a provider that works, else the JDK's, said in one log line. */
class FrameInflatersTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void withoutAProviderTheJdkInflatesAndTheLogSaysSo() {
        FrameInflaterProvider chosen = FrameInflaters.choose(List.of(), log::add);

        assertThat(chosen.name()).isEqualTo("java.util.zip.Inflater");
        assertThat(log).containsExactly("jvq: frames are inflated by java.util.zip.Inflater");
        // jvq-core's own tests have no provider on the class path
        assertThat(FrameInflaters.inUse()).isEqualTo("java.util.zip.Inflater");
    }

    @Test
    void aProviderThatCannotOpenIsPassedOverWithItsReasonLogged() {
        FrameInflaterProvider broken = new Named("libbroken", max -> {
            throw new IllegalArgumentException("no libbroken.so here");
        });

        FrameInflaterProvider chosen = FrameInflaters.choose(List.of(broken), log::add);

        assertThat(chosen.name()).isEqualTo("java.util.zip.Inflater");
        assertThat(log).singleElement().asString()
                .startsWith("jvq: frames are inflated by java.util.zip.Inflater; libbroken is not usable here: ")
                .contains("no libbroken.so here");
    }

    @Test
    void aProviderThatDoesNotLoadIsPassedOverAndTheNextThatWorksIsChosen() {
        FrameInflaterProvider working = new Named("another", FrameInflaters::jdk);
        Iterable<FrameInflaterProvider> providers = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < 2;
            }

            @Override
            public FrameInflaterProvider next() {
                if (next >= 2) {
                    throw new NoSuchElementException();
                }
                if (next++ == 0) {
                    throw new ServiceConfigurationError("Provider x.Y could not be instantiated");
                }
                return working;
            }
        };

        assertThat(FrameInflaters.choose(providers, log::add)).isSameAs(working);
        assertThat(log).singleElement().asString()
                .startsWith("jvq: frames are inflated by another; a provider did not load: ")
                .contains("x.Y could not be instantiated");
    }

    @Test
    void aDecoderUsesTheInflaterItIsGivenAndClosesIt() {
        String text = "lv1_600519=14:59:59,贵州茅台,1700.50\n";
        Counting inflater = new Counting(FrameInflaters.jdk(1024));

        try (FrameDecoder decoder = new FrameDecoder(inflater)) {
            Recorder.decode(decoder, deflate(text));
            assertThat(decoder.inflatedBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }

        assertThat(inflater.frames).isEqualTo(1);
        assertThat(inflater.closed).isTrue();
    }

    /** A provider under a name of its own. */
    private record Named(String name, IntFunction<FrameInflater> opener) implements FrameInflaterProvider {
        @Override
        public FrameInflater open(int maxInflatedBytes) {
            return opener.apply(maxInflatedBytes);
        }
    }

    /** Counts the frames it inflates and whether it was closed. */
    private static final class Counting implements FrameInflater {
        private final FrameInflater inner;
        int frames;
        boolean closed;

        Counting(FrameInflater inner) {
            this.inner = inner;
        }

        @Override
        public Outcome inflate(ByteBuffer compressed) throws DataFormatException {
            frames++;
            return inner.inflate(compressed);
        }

        @Override
        public byte[] output() {
            return inner.output();
        }

        @Override
        public int inflatedBytes() {
            return inner.inflatedBytes();
        }

        @Override
        public int maxInflatedBytes() {
            return inner.maxInflatedBytes();
        }

        @Override
        public void close() {
            closed = true;
            inner.close();
        }
    }
}
