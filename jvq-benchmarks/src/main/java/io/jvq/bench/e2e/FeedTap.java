package io.jvq.bench.e2e;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the end-to-end harnesses see of a client's feed, whichever path delivered it: every trade's
 * fields, a count of level-1 snapshots and of decode errors. Called on the transport's reader thread
 * only; the counters are published for other threads to read.
 */
public abstract class FeedTap {
    private final AtomicLong trades = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private volatile String firstDecodeError;

    /** One trade, in wire order. Subclasses do their measuring here. */
    protected abstract void trade(long tradeId, long price, long quantity);

    final void onTrade(long tradeId, long price, long quantity) {
        trade(tradeId, price, quantity);
        // One writer: a release store is enough, and costs no fence on x86.
        trades.lazySet(trades.get() + 1);
    }

    final void onLevel1() {
        snapshots.lazySet(snapshots.get() + 1);
    }

    final void onDecodeError(String what) {
        if (firstDecodeError == null) {
            firstDecodeError = what;
        }
        decodeErrors.lazySet(decodeErrors.get() + 1);
    }

    public long trades() {
        return trades.get();
    }

    public long snapshots() {
        return snapshots.get();
    }

    public long decodeErrors() {
        return decodeErrors.get();
    }

    /** The first decode error's description, or null. */
    public String firstDecodeError() {
        return firstDecodeError;
    }

    /** A tap that only counts. */
    public static FeedTap counting() {
        return new FeedTap() {
            private long checksum;

            @Override
            protected void trade(long tradeId, long price, long quantity) {
                // Read every field, as a real listener would.
                checksum += tradeId ^ price ^ quantity;
            }

            @Override
            public String toString() {
                return "counting tap (checksum " + checksum + ")";
            }
        };
    }
}
