package io.jvq.core.json;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing a quote into a reused byte buffer allocates nothing: numbers and times are appended digit by
 * digit. Not a timing test: it counts the bytes this thread allocated, which does not depend on the
 * machine's speed or load. The bound (under 1 byte per event over 200,000) leaves room for the
 * measuring call itself, while one String per event (24 bytes at least) would fail it many times over.
 */
class EventJsonAllocationTest {
    private static final int EVENTS = 200_000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long writeMany(Object event, Utf8Buffer out) {
        long length = 0;
        for (int i = 0; i < EVENTS; i++) {
            out.clear();
            EventJson.write((io.jvq.core.event.JvqEvent) event, out);
            length += out.length();
        }
        return length;
    }

    @Test
    void aTradeAndASnapshotAreWrittenWithoutAllocating() {
        Level2Trade trade = new Level2Trade(SubscriptionCode.lv2("600519"), TimeOfDay.of(9, 30, 0, 120), 8812,
                FixedPoint.of("1700.5"), 100);
        long[] book = new long[4 * Level1Quote.DEPTH];
        for (int i = 0; i < book.length; i++) {
            book[i] = i % 2 == 0 ? 100L * i : FixedPoint.of("1699.99") + i;
        }
        Level1Quote snapshot = new Level1Quote(SubscriptionCode.lv1("600519"), TimeOfDay.of(9, 30, 3, 0), "贵州茅台",
                FixedPoint.of("1700"), FixedPoint.of("-0.25"), 123456, FixedPoint.of("209876543.5"), book);
        Utf8Buffer out = new Utf8Buffer(1024);
        writeMany(trade, out);
        writeMany(snapshot, out); // warm up: compiled, and the builder at its full size

        long before = allocatedBytes();
        long written = writeMany(trade, out) + writeMany(snapshot, out);
        long allocated = allocatedBytes() - before;

        assertThat(written).isPositive();
        assertThat(allocated).as("bytes allocated for %d events", 2 * EVENTS).isLessThan(2 * EVENTS);
        out.clear();
        EventJson.write(trade, out);
        assertThat(out.toString()).isEqualTo(
                "{\"type\":\"lv2\",\"code\":\"600519\",\"time\":\"09:30:00.120\",\"tradeId\":8812,\"price\":1700.50,\"qty\":100}");
    }
}
