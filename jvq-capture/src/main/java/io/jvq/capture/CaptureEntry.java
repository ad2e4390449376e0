package io.jvq.capture;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One line of a capture after the header: something the server sent, something a client sent,
 * or a fault. {@link #t()} is milliseconds since the capture started. See CAPTURE-FORMAT.md.
 */
public sealed interface CaptureEntry {

    /** Milliseconds from the start of the capture; never negative, never decreasing along a capture. */
    long t();

    /** A text frame the server sent (a command reply), {@code "type":"text"}. */
    record Text(long t, String data) implements CaptureEntry {
        public Text {
            requireT(t);
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A binary frame exactly as it crossed the wire (normally raw DEFLATE), {@code "type":"binary"},
     * stored as base64.
     */
    record Binary(long t, byte[] data) implements CaptureEntry {
        public Binary {
            requireT(t);
            data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && b.t == t && Arrays.equals(b.data, data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(t) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Binary[t=" + t + ", " + data.length + " bytes: " + Base64.getEncoder().encodeToString(
                    data.length > 48 ? Arrays.copyOf(data, 48) : data) + (data.length > 48 ? "…" : "") + "]";
        }
    }

    /** Quote text ({@code code=payload} lines), {@code "type":"quotes"}: the server deflates it when replaying. */
    record Quotes(long t, String data) implements CaptureEntry {
        public Quotes {
            requireT(t);
            Objects.requireNonNull(data, "data");
        }
    }

    /** A text frame a client sent, {@code "type":"command"}. Recorders write these; replay skips them. */
    record Command(long t, String data) implements CaptureEntry {
        public Command {
            requireT(t);
            Objects.requireNonNull(data, "data");
        }
    }

    /** Something going wrong with the connection, {@code "type":"fault"}. */
    sealed interface Fault extends CaptureEntry {
    }

    /** The server closed with a close frame, {@code "fault":"close"}. */
    record Close(long t, int code, String reason) implements Fault {
        public Close {
            requireT(t);
            Objects.requireNonNull(reason, "reason");
            if (!isSendableCloseCode(code)) {
                throw new IllegalArgumentException("close code " + code
                        + " cannot be sent in a close frame (1000-1003, 1007-1014 or 3000-4999)");
            }
        }
    }

    /** The TCP connection dropped with no close frame, {@code "fault":"cut"}. */
    record Cut(long t) implements Fault {
        public Cut {
            requireT(t);
        }
    }

    /** The server went silent (no frames, no pongs) for {@code ms}, {@code "fault":"stall"}. */
    record Stall(long t, long ms) implements Fault {
        public Stall {
            requireT(t);
            if (ms < 0) {
                throw new IllegalArgumentException("stall ms must be >= 0, got " + ms);
            }
        }
    }

    /** RFC 6455 §7.4: the codes an endpoint may put in a close frame (the rule every transport follows). */
    static boolean isSendableCloseCode(int code) {
        return io.jvq.core.wire.CloseFrames.isSendable(code);
    }

    private static void requireT(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + t);
        }
    }
}
