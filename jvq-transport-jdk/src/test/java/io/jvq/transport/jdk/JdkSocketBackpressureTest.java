package io.jvq.transport.jdk;

import io.jvq.core.port.SocketListener;
import io.jvq.core.port.SocketRequest;
import io.jvq.testkit.port.RawServer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that holds the reader stops the socket being read: the server's writes block once
 * the TCP buffers are full, rather than the client queueing what it has not delivered.
 */
class JdkSocketBackpressureTest {
    private static final int MESSAGES = 400;
    private static final int MESSAGE_BYTES = 128 * 1024;

    @Test
    void aListenerThatHoldsTheReaderPausesReadingUntilItReturns() throws Exception {
        AtomicInteger written = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(MESSAGES);
        List<Integer> firstBytes = new CopyOnWriteArrayList<>();
        SocketListener holding = new SocketListener() {
            @Override
            public void onText(String text) {
            }

            @Override
            public void onBinary(ByteBuffer message) {
                firstBytes.add(message.get(message.position()) & 0xff);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                all.countDown();
            }

            @Override
            public void onPong() {
            }

            @Override
            public void onClose(int code, String reason) {
            }

            @Override
            public void onError(Throwable error) {
            }
        };
        try (RawServer server = RawServer.webSocket(peer -> {
            for (int i = 0; i < MESSAGES; i++) {
                byte[] message = new byte[MESSAGE_BYTES];
                message[0] = (byte) i;
                peer.frame(0x2, true, message);
                written.incrementAndGet();
            }
            peer.close(1000, "");
        });
             JdkSocketPort port = JdkSocketPort.create()) {
            port.connect(new SocketRequest(server.uri("ws", "/feed?token=t"), Duration.ofSeconds(5), 1024 * 1024), holding)
                    .get(10, TimeUnit.SECONDS);

            // 50 MB to send; with the reader held, what gets out is what the socket buffers take.
            Thread.sleep(1_000);
            int whileHeld = written.get();
            Thread.sleep(500);
            assertThat(written.get()).as("the server is stalled, not still writing").isEqualTo(whileHeld);
            assertThat(whileHeld).as("messages written while the listener held the reader").isLessThan(MESSAGES / 2);

            release.countDown();

            assertThat(all.await(20, TimeUnit.SECONDS)).as("every message delivered once released").isTrue();
            assertThat(written.get()).isEqualTo(MESSAGES);
            assertThat(firstBytes).hasSize(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(firstBytes.get(i)).as("message %d in order", i).isEqualTo(i & 0xff);
            }
        }
    }
}
