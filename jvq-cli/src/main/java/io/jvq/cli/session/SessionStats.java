package io.jvq.cli.session;

import io.jvq.core.QuoteLevel;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** What a session saw, for its closing summary. Thread-safe. */
public final class SessionStats implements FrameTap {
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final AtomicLong level1 = new AtomicLong();
    private final AtomicLong trades = new AtomicLong();
    private final AtomicLong level10 = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile long endNanos = -1;

    public SessionStats(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    public SessionStats() {
        this(System::nanoTime);
    }

    /** Counts an event the client delivered. */
    public void count(JvqEvent event) {
        if (event instanceof ConnectionEvent.ReconnectScheduled) {
            reconnects.incrementAndGet();
        } else if (event instanceof Level1Quote) {
            level1.incrementAndGet();
        } else if (event instanceof Level2Trade) {
            trades.incrementAndGet();
        } else if (event instanceof Level10Book) {
            level10.incrementAndGet();
        } else if (event instanceof ServerText) {
            texts.incrementAndGet();
        } else if (event instanceof DecodeError) {
            decodeErrors.incrementAndGet();
        }
    }

    /** Counts a quote the client delivered on the flyweight path, as a view rather than an event. */
    public void countQuote(QuoteLevel level) {
        switch (level) {
            case LV1 -> level1.incrementAndGet();
            case LV2 -> trades.incrementAndGet();
            case LV10 -> level10.incrementAndGet();
        }
    }

    @Override
    public void receivedText(String text) {
        bytes.addAndGet(utf8Length(text));
    }

    @Override
    public void receivedBinary(ByteBuffer frame) {
        bytes.addAndGet(frame.remaining());
    }

    /** Freezes the elapsed time. */
    public void end() {
        if (endNanos < 0) {
            endNanos = nanoClock.getAsLong();
        }
    }

    /** Quote events: level-1 snapshots, trades and level-10 books. */
    public long events() {
        return level1.get() + trades.get() + level10.get();
    }

    public long level1() {
        return level1.get();
    }

    public long trades() {
        return trades.get();
    }

    public long level10() {
        return level10.get();
    }

    public long serverTexts() {
        return texts.get();
    }

    public long decodeErrors() {
        return decodeErrors.get();
    }

    /** Bytes of frames received, as they came over the wire (compressed). */
    public long bytes() {
        return bytes.get();
    }

    /** Reconnections the client scheduled: one per lost connection, failed discovery or failed connect. */
    public long reconnects() {
        return reconnects.get();
    }

    public long elapsedMillis() {
        long end = endNanos < 0 ? nanoClock.getAsLong() : endNanos;
        return Math.max(0, (end - startNanos) / 1_000_000);
    }

    /** Quote events per second, with one decimal; integer arithmetic only. */
    public String eventsPerSecond() {
        long millis = Math.max(1, elapsedMillis());
        long tenths = events() * 10_000 / millis;
        return tenths / 10 + "." + tenths % 10;
    }

    /**
     * E.g. {@code 1234 events (1000 lv1, 234 lv2, 0 lv10) in 15.0 s, 82.2 events/s,
     * 456789 bytes, 0 reconnects, 0 decode errors}.
     */
    public String summary() {
        long millis = elapsedMillis();
        return events() + " events (" + level1() + " lv1, " + trades() + " lv2, " + level10() + " lv10) in "
                + millis / 1000 + "." + millis % 1000 / 100 + " s, " + eventsPerSecond() + " events/s, "
                + bytes() + " bytes, " + reconnects() + (reconnects() == 1 ? " reconnect, " : " reconnects, ")
                + decodeErrors() + (decodeErrors() == 1 ? " decode error" : " decode errors");
    }

    private static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
