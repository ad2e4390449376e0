package io.jvq.cli.output;

import io.jvq.core.event.JvqEvent;
import io.jvq.core.json.EventJson;
import io.jvq.core.json.Utf8Buffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One JSON object per line (JSON Lines), in the schema of {@link EventJson}: the same objects a
 * Kafka bridge publishes with its {@code json} value format. Lines are encoded straight into one
 * reused UTF-8 buffer, written out when it fills or on {@link #flush}, so a quote costs the writer
 * no allocation and a frame's lines one write.
 */
public final class JsonEventWriter implements EventWriter {
    private final OutputStream out;
    private final LineBuffer lines;

    public JsonEventWriter(OutputStream out) {
        this.out = out;
        this.lines = new LineBuffer(out);
    }

    @Override
    public void write(JvqEvent event) throws IOException {
        Utf8Buffer line = lines.buffer();
        EventJson.write(event, line);
        line.ascii('\n');
        lines.lineWritten();
    }

    @Override
    public void flush() throws IOException {
        lines.writeOut();
        out.flush();
    }

    /** Level-1 and level-10 times are whole seconds on the wire; keep milliseconds only if present. */
    static String time(int millisOfDay) {
        return EventJson.time(millisOfDay);
    }
}
