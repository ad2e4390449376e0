package io.jvq.core.client;

import java.time.Clock;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link ClientStats}: adders, so that the quote path never contends. */
final class StatsCounters {
    final LongAdder connections = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder framesReceived = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder quoteEvents = new LongAdder();
    final LongAdder decodeErrors = new LongAdder();
    final LongAdder listenerFailures = new LongAdder();
    final LongAdder discoveryFailures = new LongAdder();
    final LongAdder extraFieldRecords = new LongAdder();
    final LongAdder droppedEvents = new LongAdder();
    final LongAccumulator peakQueuedEvents = new LongAccumulator(Math::max, 0);
    /** Lag, liveness and per-kind counts: see {@link FeedMetrics}. */
    final FeedMetrics feed = new FeedMetrics(Clock.systemUTC());

    ClientStats snapshot() {
        return new ClientStats(connections.sum(), reconnects.sum(), framesReceived.sum(), bytesReceived.sum(),
                quoteEvents.sum(), decodeErrors.sum(), listenerFailures.sum(), discoveryFailures.sum(),
                droppedEvents.sum(), peakQueuedEvents.get(), extraFieldRecords.sum());
    }
}
