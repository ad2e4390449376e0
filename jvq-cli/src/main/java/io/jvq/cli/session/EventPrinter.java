package io.jvq.cli.session;

import io.jvq.cli.output.EventWriter;
import io.jvq.core.event.JvqEvent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Serialises data events from the client's threads onto stdout, a line at a time, flushed so
 * that a pipe reader sees each event as it comes. Once closed it prints nothing more, so that
 * nothing straggles in after a session's summary. Reports a closed stdout (a reader that went
 * away, as with {@code | head}) so that the session can end.
 */
public final class EventPrinter {
    private final EventWriter writer;
    private final PrintWriter stdout;
    private boolean closed;

    public EventPrinter(EventWriter writer, PrintWriter stdout) {
        this.writer = writer;
        this.stdout = stdout;
    }

    /** Prints {@code event}; false when the printer is closed or stdout no longer takes output. */
    public synchronized boolean print(JvqEvent event) {
        if (closed) {
            return false;
        }
        try {
            writer.write(event);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !stdout.checkError();
    }

    /** Stops printing; returns once no event is being printed. */
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
