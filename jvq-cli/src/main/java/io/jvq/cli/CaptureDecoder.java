package io.jvq.cli;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureEntry;
import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.StatusLog;
import io.jvq.cli.session.SessionStats;
import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.FrameDecoder;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ServerText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a capture entry by entry with the library's own decoder, as a live client would have:
 * server text as {@code text} events, binary frames inflated and parsed, {@code quotes} entries
 * (already inflated) parsed. What the client sent and how connections ended are not data: they
 * go to the status log, in their place.
 */
final class CaptureDecoder {
    private final EventWriter out;
    private final StatusLog log;
    private final SessionStats stats;
    private final FrameDecoder frames;
    private final QuoteParser parser = new QuoteParser();
    private final EventSink sink;
    private CaptureClock clock;

    CaptureDecoder(EventWriter out, StatusLog log, SessionStats stats, int maxInflatedBytes) {
        this.out = out;
        this.log = log;
        this.stats = stats;
        this.frames = new FrameDecoder(maxInflatedBytes);
        this.sink = new EventSink(this::write);
    }

    /** Sets {@code clock} to each entry's time before it is decoded. */
    CaptureDecoder clock(CaptureClock clock) {
        this.clock = clock;
        return this;
    }

    void decode(Capture capture) throws IOException {
        try {
            for (CaptureEntry entry : capture.entries()) {
                if (clock != null) {
                    clock.at(entry.t());
                }
                decode(entry);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            frames.close();
            out.flush();
        }
    }

    private void decode(CaptureEntry entry) throws IOException {
        if (entry instanceof CaptureEntry.Binary binary) {
            byte[] bytes = binary.data();
            stats.receivedBinary(ByteBuffer.wrap(bytes));
            frames.decode(ByteBuffer.wrap(bytes), sink);
        } else if (entry instanceof CaptureEntry.Quotes quotes) {
            byte[] bytes = quotes.data().getBytes(StandardCharsets.UTF_8);
            parser.parse(bytes, 0, bytes.length, sink);
        } else if (entry instanceof CaptureEntry.Text text) {
            stats.receivedText(text.data());
            write(new ServerText(text.data()));
        } else {
            // keep stdout and stderr in step for a reader watching both
            out.flush();
            log.info(describe(entry));
        }
    }

    private void write(JvqEvent event) {
        if (event instanceof DecodeNotice notice) {
            try {
                out.flush();  // keep stdout and stderr in step
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.notice(notice);
            return;
        }
        stats.count(event);
        try {
            out.write(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(CaptureEntry entry) {
        String at = "at " + entry.t() + " ms: ";
        if (entry instanceof CaptureEntry.Command command) {
            return at + "client sent " + command.data();
        }
        if (entry instanceof CaptureEntry.Close close) {
            return at + "server closed the connection (close code " + close.code()
                    + (close.reason().isEmpty() ? "" : ", " + close.reason()) + ")";
        }
        if (entry instanceof CaptureEntry.Cut) {
            return at + "connection cut";
        }
        if (entry instanceof CaptureEntry.Stall stall) {
            return at + "server silent for " + stall.ms() + " ms";
        }
        return at + entry;
    }
}
