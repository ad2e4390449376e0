package io.jvq.capture;

/** A capture that does not follow CAPTURE-FORMAT.md; the message names the source, the line and the problem. */
public class CaptureFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public CaptureFormatException(String source, int line, String problem, Throwable cause) {
        super(source + " line " + line + ": " + problem, cause);
        this.source = source;
        this.line = line;
    }

    /** Where the capture came from (a file name, a resource, {@code <string>}). */
    public String source() {
        return source;
    }

    /** The 1-based line number of the bad line. */
    public int line() {
        return line;
    }
}
