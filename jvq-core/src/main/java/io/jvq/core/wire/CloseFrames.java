package io.jvq.core.wire;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/** What a close frame may carry (RFC 6455 §5.5, §7.4), for every transport and the capture format. */
public final class CloseFrames {
    /** A control frame's payload is at most 125 bytes, two of them the code. */
    public static final int MAX_REASON_BYTES = 123;

    private CloseFrames() {
    }

    /**
     * True for the codes an endpoint may put in a close frame: 1000-1003, 1007-1014, 3000-4999.
     * 1004 is reserved, 1005 ("no code") and 1006 ("cut") only ever describe a close, never travel.
     */
    public static boolean isSendable(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    /**
     * Rejects a code an endpoint may not send, or a reason that does not fit the frame. A reason
     * is refused, not cut: a cut reason would say something other than what the caller wrote.
     *
     * @throws IllegalArgumentException naming the code or the reason's length
     */
    public static void check(int code, @Nullable String reason) {
        if (!isSendable(code)) {
            throw new IllegalArgumentException("close code " + code
                    + " may not be sent: use 1000-1003, 1007-1014 or 3000-4999");
        }
        if (reason != null) {
            int bytes = reason.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_REASON_BYTES) {
                throw new IllegalArgumentException("close reason is " + bytes + " bytes in UTF-8, over the "
                        + MAX_REASON_BYTES + " a close frame can carry");
            }
        }
    }
}
