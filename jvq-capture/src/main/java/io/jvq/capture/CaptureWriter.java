package io.jvq.capture;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a capture line by line, for a recorder: the header when created, then one entry per call,
 * flushed at once so that a recording cut short by a crash is still readable up to its last line.
 * The {@code text}/{@code binary}/… methods stamp entries with the milliseconds since this writer was
 * created (a monotonic clock); {@link #write(CaptureEntry)} takes an entry with its own {@code t}.
 * Thread-safe: a recorder typically writes frames from an I/O thread and commands from another.
 */
public final class CaptureWriter implements Closeable {
    private final Writer out;
    private final long startNanos = System.nanoTime();
    private long lastT;
    private boolean closed;

    private CaptureWriter(Writer out, CaptureHeader header) throws IOException {
        this.out = out;
        writeLine(CaptureCodec.encode(header));
    }

    /** Creates (or replaces) {@code file} and writes the header. */
    public static CaptureWriter create(Path file, CaptureHeader header) throws IOException {
        Objects.requireNonNull(header, "header");
        return new CaptureWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header);
    }

    /** Writes to {@code out} (closed with this writer) and writes the header. */
    public static CaptureWriter to(Writer out, CaptureHeader header) throws IOException {
        Objects.requireNonNull(header, "header");
        return new CaptureWriter(out instanceof BufferedWriter ? out : new BufferedWriter(out), header);
    }

    /** Milliseconds since this writer was created. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /**
     * Appends {@code entry}.
     *
     * @throws IllegalArgumentException when its {@code t} is earlier than the previous entry's
     */
    public synchronized void write(CaptureEntry entry) throws IOException {
        Objects.requireNonNull(entry, "entry");
        if (closed) {
            throw new IllegalStateException("capture writer is closed");
        }
        if (entry.t() < lastT) {
            throw new IllegalArgumentException("entry t " + entry.t() + " is earlier than the previous " + lastT);
        }
        lastT = entry.t();
        writeLine(CaptureCodec.encode(entry));
    }

    /** A text frame from the server, stamped now. */
    public synchronized void text(String data) throws IOException {
        write(new CaptureEntry.Text(now(), data));
    }

    /** A binary frame from the server, exact wire bytes, stamped now. */
    public synchronized void binary(byte[] wireBytes) throws IOException {
        write(new CaptureEntry.Binary(now(), wireBytes));
    }

    /** Inflated quote text, stamped now. */
    public synchronized void quotes(String text) throws IOException {
        write(new CaptureEntry.Quotes(now(), text));
    }

    /** A command a client sent, stamped now. */
    public synchronized void command(String text) throws IOException {
        write(new CaptureEntry.Command(now(), text));
    }

    /** The server's close frame, stamped now. */
    public synchronized void close(int code, String reason) throws IOException {
        write(new CaptureEntry.Close(now(), code, reason == null ? "" : reason));
    }

    /** The connection dropped without a close frame, stamped now. */
    public synchronized void cut() throws IOException {
        write(new CaptureEntry.Cut(now()));
    }

    /** The server was silent for {@code ms}, stamped now. */
    public synchronized void stall(long ms) throws IOException {
        write(new CaptureEntry.Stall(now(), ms));
    }

    /** Flushes and closes the underlying writer. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    private long now() {
        return Math.max(lastT, elapsedMillis());
    }

    private void writeLine(String json) throws IOException {
        out.write(json);
        out.write('\n');
        out.flush();
    }
}
