package io.jvq.cli.output;

import io.jvq.core.json.Utf8Buffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The lines an event writer has encoded and not yet written: one reused UTF-8 buffer, written to
 * the stream when it passes {@value #WRITE_OUT_BYTES} bytes (always at a line end) or when the
 * writer flushes, so that a frame's lines usually leave in one write.
 */
final class LineBuffer {
    static final int WRITE_OUT_BYTES = 64 * 1024;

    private final OutputStream out;
    private final Utf8Buffer buffer = new Utf8Buffer(WRITE_OUT_BYTES + 4096);

    LineBuffer(OutputStream out) {
        this.out = out;
    }

    /** Where the next line goes. */
    Utf8Buffer buffer() {
        return buffer;
    }

    /** A whole line has been appended: writes the buffer out once it is full enough. */
    void lineWritten() throws IOException {
        if (buffer.length() >= WRITE_OUT_BYTES) {
            writeOut();
        }
    }

    /** Writes what is buffered (without flushing the stream). */
    void writeOut() throws IOException {
        if (buffer.length() > 0) {
            try {
                buffer.writeTo(out);
            } finally {
                buffer.clear();
            }
        }
    }
}
