package io.jvq.cli.session;

import io.jvq.cli.output.EventWriter;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.QuoteEvent;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Serialises data events from the client's threads onto stdout. What a frame brings (quotes and
 * decode errors) is buffered and flushed once at the frame's end ({@link #endOfFrame}), so a
 * frame of a thousand trades costs one write, not a thousand; anything else (server text) is
 * flushed at once. {@link #close} flushes what is left, so nothing is lost when the session
 * ends, Ctrl-C included. Once closed it prints nothing more, so that nothing straggles in after a
 * session's summary. Reports a closed stdout (a reader that went away, as with {@code | head})
 * so that the session can end.
 */
public final class EventPrinter {
    private final EventWriter writer;
    private final PrintWriter stdout;
    private boolean closed;
    private boolean outputGone;

    /** @param stdout where {@code writer}'s text ends up (or the terminal it draws on), checked for errors */
    public EventPrinter(EventWriter writer, PrintWriter stdout) {
        this.writer = writer;
        this.stdout = stdout;
    }

    /** Prints {@code event}; false when the printer is closed or stdout no longer takes output. */
    public synchronized boolean print(JvqEvent event) {
        if (closed || outputGone) {
            return false;
        }
        try {
            writer.write(event);
            if (!(event instanceof QuoteEvent || event instanceof DecodeError)) {
                writer.flush();
            }
        } catch (IOException e) {
            return gone();
        }
        return !stdout.checkError() || gone();
    }

    /** The frame whose events were just printed has ended: flushes them; false as for {@link #print}. */
    public synchronized boolean endOfFrame() {
        if (closed || outputGone) {
            return false;
        }
        try {
            writer.flush();
        } catch (IOException e) {
            return gone();
        }
        return !stdout.checkError() || gone();
    }

    /** Stops printing and flushes what is buffered; returns once no event is being printed. */
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (outputGone) {
                return;
            }
            try {
                writer.flush();
            } catch (IOException e) {
                gone(); // the reader went away before the end: there is no one left to tell
            }
        }
    }

    /** Stdout no longer takes output: nothing more is written. */
    private boolean gone() {
        outputGone = true;
        return false;
    }
}
