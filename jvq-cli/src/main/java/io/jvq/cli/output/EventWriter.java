package io.jvq.cli.output;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.event.ServerText;

import java.io.IOException;

/**
 * Writes the data events of a feed (quotes, trades, books, server text, decode errors) to
 * stdout, one line each. Connection state is not data: it goes to the {@link StatusLog}.
 * Not thread-safe: callers serialise.
 */
public interface EventWriter {

    /** True for the events this writer takes: quote events, server text and decode errors. */
    static boolean isData(JvqEvent event) {
        return event instanceof QuoteEvent || event instanceof ServerText || event instanceof DecodeError;
    }

    /**
     * Writes one line for {@code event}.
     *
     * @throws IllegalArgumentException when {@code event} is not a data event
     */
    void write(JvqEvent event) throws IOException;

    void flush() throws IOException;
}
