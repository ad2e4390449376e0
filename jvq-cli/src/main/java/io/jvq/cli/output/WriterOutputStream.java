package io.jvq.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Stdout as bytes when the command runs in-process and stdout is a {@link PrintWriter}: keeps
 * the UTF-8 bytes until {@link #flush}, then decodes them whole into the writer (so a character
 * split across two writes is never decoded in halves) and flushes it. A writer in error (a
 * closed stdout) is reported as an {@link IOException}, as a closed pipe would be.
 */
public final class WriterOutputStream extends OutputStream {
    private final PrintWriter out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);

    public WriterOutputStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.write(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        if (out.checkError()) {
            throw new IOException("stdout is closed");
        }
    }
}
