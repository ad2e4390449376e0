package io.jvq.core.client;

import io.jvq.core.QuoteLevel;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's flyweight path, metrics included (receive time, per-level counts, lag buckets, a lag
 * listener), allocates nothing per trade once warmed up. Counts this thread's allocated bytes, so
 * it does not depend on the machine's speed or load; one object per trade (16 bytes at least) would
 * fail the bound of 1 byte per trade many times over.
 */
class MeteredFlyweightAllocationTest extends ClientTestSupport {
    private static final int LINES = 50;
    private static final int TRADES_PER_LINE = 20;
    private long checksum;

    @Test
    void aClientWithMetricsAllocatesNothingPerTradeOnTheFlyweightPath() {
        client = JvqClient.builder().options(options().build()).socket(socket).discovery(discovery).listener(events)
                .quoteSink(new QuoteSink() {
                    @Override
                    public void onTrade(TradeView trade) {
                        checksum += trade.price() + trade.quantity();
                    }

                    @Override
                    public void onLevel1(Level1View quote) {
                    }

                    @Override
                    public void onLevel10(Level10View book) {
                    }

                    @Override
                    public void onError(DecodeError error) {
                        checksum = Long.MIN_VALUE;
                    }
                })
                .random(new SplittableRandom(7)).build();
        long[] lags = new long[1];
        client.metrics().addLagListener(lag -> lags[0]++);
        client.start();
        FakeSocketPort.FakeConnection connection = socket.awaitConnection(1);
        events.await(ConnectionEvent.Connected.class, 1);
        byte[] frame = FakeSocketPort.deflate(tradeFrameText());
        for (int i = 0; i < 1_500; i++) {   // warm up: interpreter, C1, C2
            connection.pushBinary(frame);
        }

        int frames = 500;
        long before = allocatedBytes();
        for (int i = 0; i < frames; i++) {
            connection.pushBinary(frame);
        }
        long allocated = allocatedBytes() - before;

        long trades = frames * (long) LINES * TRADES_PER_LINE;
        assertThat(checksum).isPositive();
        assertThat(lags[0]).isEqualTo(2_000);
        assertThat(client.metrics().records(QuoteLevel.LV2)).isEqualTo(2_000L * LINES * TRADES_PER_LINE);
        assertThat((double) allocated / trades)
                .as("bytes allocated per trade (%d bytes for %d trades)", allocated, trades)
                .isLessThan(1.0);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static String tradeFrameText() {
        StringBuilder text = new StringBuilder();
        long id = 1_000_000;
        for (int line = 0; line < LINES; line++) {
            text.append("lv2_60051").append(line % 10).append('=');
            for (int t = 0; t < TRADES_PER_LINE; t++) {
                if (t > 0) {
                    text.append('|');
                }
                text.append("09:30:0").append(t % 10).append(".120,").append(id++).append(",1700.50,100");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
