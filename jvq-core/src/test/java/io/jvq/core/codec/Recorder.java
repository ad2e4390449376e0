package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.QuoteEvent;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Collects what a decoder or parser delivers, through the record path ({@link EventSink}). */
final class Recorder {
    final List<JvqEvent> events = new ArrayList<>();
    final EventSink sink = new EventSink(events::add);

    static List<JvqEvent> parse(String inflatedText) {
        Recorder r = new Recorder();
        byte[] bytes = WireText.utf8(inflatedText);
        new QuoteParser().parse(bytes, 0, bytes.length, r.sink);
        return r.events;
    }

    static List<JvqEvent> decode(FrameDecoder decoder, byte[] frame) {
        Recorder r = new Recorder();
        decoder.decode(ByteBuffer.wrap(frame), r.sink);
        return r.events;
    }

    static List<QuoteEvent> quotes(List<JvqEvent> events) {
        List<QuoteEvent> quotes = new ArrayList<>();
        for (JvqEvent e : events) {
            if (e instanceof QuoteEvent q) {
                quotes.add(q);
            }
        }
        return quotes;
    }

    static List<DecodeError> errors(List<JvqEvent> events) {
        List<DecodeError> errors = new ArrayList<>();
        for (JvqEvent e : events) {
            if (e instanceof DecodeError d) {
                errors.add(d);
            }
        }
        return errors;
    }
}
