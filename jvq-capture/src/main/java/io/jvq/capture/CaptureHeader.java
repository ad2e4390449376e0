package io.jvq.capture;

import io.jvq.core.SubscriptionCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The first line of a capture: {@code {"jvqCapture":1,"market":"ab","recordedAt":"…","source":"…","codes":[…]}}.
 *
 * @param version    format version, {@link #CURRENT_VERSION}
 * @param market     market flag the traffic came from, or {@code null}
 * @param recordedAt when recording started, or {@code null}
 * @param source     free text for people (who or what recorded it), or {@code null}
 * @param codes      the subscription the recorder asked for (may be empty)
 */
public record CaptureHeader(int version, String market, Instant recordedAt, String source,
                            List<SubscriptionCode> codes) {
    /** The version this library reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public CaptureHeader {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported capture version " + version
                    + " (this library reads version " + CURRENT_VERSION + ")");
        }
        codes = List.copyOf(Objects.requireNonNull(codes, "codes"));
    }

    /** A header with only the version. */
    public static CaptureHeader minimal() {
        return new CaptureHeader(CURRENT_VERSION, null, null, null, List.of());
    }

    /** A header for a recording of {@code codes} on {@code market} that starts now. */
    public static CaptureHeader recording(String market, String source, List<SubscriptionCode> codes) {
        return new CaptureHeader(CURRENT_VERSION, market, Instant.now(), source, codes);
    }
}
