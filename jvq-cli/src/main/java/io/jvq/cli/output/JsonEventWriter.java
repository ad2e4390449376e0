package io.jvq.cli.output;

import io.jvq.core.event.JvqEvent;
import io.jvq.core.json.EventJson;

import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per line (JSON Lines), in the schema of {@link EventJson}: the same objects a
 * Kafka bridge publishes with its {@code json} value format. Reuses its line and character buffers, so
 * a quote costs the writer no allocation of its own.
 */
public final class JsonEventWriter implements EventWriter {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);
    /** The line's characters, handed to the writer without making a String of them. */
    private char[] chars = new char[512];

    public JsonEventWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(JvqEvent event) throws IOException {
        line.setLength(0);
        EventJson.write(event, line);
        line.append('\n');
        int length = line.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        line.getChars(0, length, chars, 0);
        out.write(chars, 0, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Level-1 and level-10 times are whole seconds on the wire; keep milliseconds only if present. */
    static String time(int millisOfDay) {
        return EventJson.time(millisOfDay);
    }
}
