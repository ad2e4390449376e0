package io.jvq.transport.tyrus;

import java.nio.ByteBuffer;

/**
 * Watches the bytes a server sends for the header of a close frame, without consuming them.
 *
 * <p>Tyrus reports its own decisions to close (a frame over the buffer limit, a protocol error)
 * by feeding itself a made-up close frame, so that they reach {@code Endpoint.onClose} exactly as
 * a server's close would. Whether a close frame really came over the wire tells the
 * {@code onClose} of the port contract (the peer closed) from {@code onError} (it did not).
 * Only frame headers are read; payloads are skipped by their length.
 */
final class CloseFrameSpotter {
    private static final int OPCODE = 0;
    private static final int LENGTH = 1;
    private static final int EXTENDED_LENGTH = 2;
    private static final int MASK = 3;
    private static final int PAYLOAD = 4;
    private static final int CLOSE_OPCODE = 0x8;

    private int state = OPCODE;
    private boolean masked;
    private int bytesLeft;
    private long payloadLeft;
    private volatile boolean closeSeen;

    /** True once the header of a close frame arrived. */
    boolean closeSeen() {
        return closeSeen;
    }

    /** Reads the frame headers in {@code data} (position to limit), leaving the buffer as it was. */
    void scan(ByteBuffer data) {
        int i = data.position();
        int end = data.limit();
        while (i < end && !closeSeen) {
            switch (state) {
                case OPCODE -> {
                    if ((data.get(i++) & 0x0F) == CLOSE_OPCODE) {
                        closeSeen = true;
                    }
                    state = LENGTH;
                }
                case LENGTH -> {
                    int b = data.get(i++);
                    masked = (b & 0x80) != 0;
                    int code = b & 0x7F;
                    payloadLeft = 0;
                    if (code == 126 || code == 127) {
                        bytesLeft = code == 126 ? 2 : 8;
                        state = EXTENDED_LENGTH;
                    } else {
                        payloadLeft = code;
                        afterLength();
                    }
                }
                case EXTENDED_LENGTH -> {
                    payloadLeft = (payloadLeft << 8) | (data.get(i++) & 0xFF);
                    if (--bytesLeft == 0) {
                        afterLength();
                    }
                }
                case MASK -> {
                    i++;
                    if (--bytesLeft == 0) {
                        state = payloadLeft > 0 ? PAYLOAD : OPCODE;
                    }
                }
                case PAYLOAD -> {
                    long skip = Math.min(payloadLeft, end - i);
                    i += (int) skip;
                    payloadLeft -= skip;
                    if (payloadLeft == 0) {
                        state = OPCODE;
                    }
                }
                default -> throw new IllegalStateException("state " + state);
            }
        }
    }

    private void afterLength() {
        if (masked) {
            bytesLeft = 4;
            state = MASK;
        } else {
            state = payloadLeft > 0 ? PAYLOAD : OPCODE;
        }
    }
}
