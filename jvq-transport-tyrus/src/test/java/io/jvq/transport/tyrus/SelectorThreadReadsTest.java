package io.jvq.transport.tyrus;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch to selector-thread reads; that a real connection then delivers on the selector
 * thread is {@link TyrusSocketPortTest}'s to show.
 */
class SelectorThreadReadsTest {

    @Test
    void aWriterOfAnotherContainerIsLeftAlone() {
        Writer notGrizzly = new Writer() {
            @Override
            public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
                throw new AssertionError("nothing is written");
            }

            @Override
            public void close() {
                throw new AssertionError("nothing is closed");
            }
        };

        assertThat(SelectorThreadReads.apply(notGrizzly)).isFalse();
    }
}
