package io.jvq.transport.vertx;

import java.nio.charset.StandardCharsets;

/** What a close frame may carry (RFC 6455 §5.5, §7.4). */
final class CloseFrames {
    /** A control frame's payload is at most 125 bytes, two of them the code. */
    static final int MAX_REASON_BYTES = 123;

    private CloseFrames() {
    }

    /** Rejects a code an endpoint may not send, or a reason that does not fit the frame. */
    static void check(int code, String reason) {
        boolean sendable = (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
                || (code >= 3000 && code <= 4999);
        if (!sendable) {
            throw new IllegalArgumentException("close code " + code
                    + " may not be sent: use 1000-1003, 1007-1014 or 3000-4999");
        }
        if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("close reason is longer than " + MAX_REASON_BYTES
                    + " bytes in UTF-8: " + reason.length() + " chars");
        }
    }
}
