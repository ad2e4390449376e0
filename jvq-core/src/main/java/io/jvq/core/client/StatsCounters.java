package io.jvq.core.client;

import io.jvq.core.QuoteLevel;
import io.jvq.core.event.DecodeError;

import java.time.Clock;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters behind {@link ClientStats} and {@link FeedMetrics}: adders, so that the quote
 * path never contends. The receive path counts here and nowhere else (see {@link Link}).
 */
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
    final LongAdder lateReplies = new LongAdder();
    final LongAccumulator peakQueuedEvents = new LongAccumulator(Math::max, 0);
    final LongAdder undeliveredRecords = new LongAdder();
    final LongAdder undeliveredFrames = new LongAdder();
    /** Lag, liveness and per-kind counts: see {@link FeedMetrics}. */
    final FeedMetrics feed = new FeedMetrics(Clock.systemUTC());

    /** A binary frame arrived, {@code compressedBytes} long. */
    void frameReceived(int compressedBytes) {
        framesReceived.increment();
        bytesReceived.add(compressedBytes);
        feed.frameReceived();
    }

    /** A frame was decoded: what it inflated to, and how many records in it had extra fields. */
    void frameDecoded(int inflatedBytes, long recordsWithExtraFields) {
        feed.frameDecoded(inflatedBytes);
        if (recordsWithExtraFields != 0) {
            extraFieldRecords.add(recordsWithExtraFields);
        }
    }

    /** A record was decoded from a frame, stamped {@code timeOfDayMillis} by the exchange. */
    void record(QuoteLevel level, int timeOfDayMillis) {
        feed.record(level, timeOfDayMillis);
    }

    void decodeError(DecodeError error) {
        decodeErrors.increment();
        feed.decodeError(error);
    }

    ClientStats snapshot() {
        return new ClientStats(connections.sum(), reconnects.sum(), framesReceived.sum(), bytesReceived.sum(),
                quoteEvents.sum(), decodeErrors.sum(), listenerFailures.sum(), discoveryFailures.sum(),
                droppedEvents.sum(), peakQueuedEvents.get(), extraFieldRecords.sum(),
                undeliveredRecords.sum(), undeliveredFrames.sum(), lateReplies.sum());
    }
}
