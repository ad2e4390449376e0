package io.jvq.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recorded (or hand-written) conversation with jvQuant, in the JSON Lines format of
 * CAPTURE-FORMAT.md: a header, then one entry per line. Read one with {@link #read(Path)},
 * {@link #fromClasspath(String)} or {@link #parse(String)}; replay it with
 * {@code FakeJvQuant.replay(capture, speed)}; write one with {@link CaptureWriter}.
 */
public record Capture(CaptureHeader header, List<CaptureEntry> entries) {

    public Capture {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
        long previous = 0;
        for (CaptureEntry entry : entries) {
            if (entry.t() < previous) {
                throw new IllegalArgumentException("entry " + entry + " goes back in time (previous t " + previous + ")");
            }
            previous = entry.t();
        }
    }

    /** Reads a UTF-8 capture file. */
    public static Capture read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read capture " + file, e);
        }
    }

    /** Reads a UTF-8 capture from the class path, e.g. {@code "captures/lv1.jsonl"}. */
    public static Capture fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Capture.class.getClassLoader();
        }
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no capture resource '" + resource + "' on the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read capture resource " + resource, e);
        }
    }

    /** Parses a capture held in a string (source name {@code <string>} in errors). */
    public static Capture parse(String text) {
        try {
            return read(new StringReader(text), "<string>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a capture; blank lines are skipped.
     *
     * @param source names the capture in error messages
     * @throws CaptureFormatException naming the line of the first bad line
     */
    public static Capture read(Reader reader, String source) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        CaptureHeader header = null;
        List<CaptureEntry> entries = new ArrayList<>();
        long previousT = 0;
        int lineNo = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                if (header == null) {
                    header = CaptureCodec.decodeHeader(line);
                    continue;
                }
                CaptureEntry entry = CaptureCodec.decodeEntry(line);
                if (entry.t() < previousT) {
                    throw new IllegalArgumentException("'t' " + entry.t()
                            + " is earlier than the previous entry's " + previousT + "; entries must be in time order");
                }
                previousT = entry.t();
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                throw new CaptureFormatException(source, lineNo, e.getMessage(), e);
            }
        }
        if (header == null) {
            throw new CaptureFormatException(source, Math.max(lineNo, 1),
                    "empty capture: expected the header {\"jvqCapture\":" + CaptureHeader.CURRENT_VERSION + ",…}", null);
        }
        return new Capture(header, entries);
    }

    /** Writes this capture to {@code file} (replacing it). */
    public void write(Path file) {
        try (CaptureWriter writer = CaptureWriter.create(file, header)) {
            for (CaptureEntry entry : entries) {
                writer.write(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write capture " + file, e);
        }
    }
}
