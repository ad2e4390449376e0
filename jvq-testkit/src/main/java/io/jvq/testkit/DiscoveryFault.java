package io.jvq.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted failure of one discovery call, queued with
 * {@link FakeJvQuant#failNextDiscoveries(int, DiscoveryFault)}.
 */
public sealed interface DiscoveryFault {

    /** Answers with this HTTP status and a plain-text body, e.g. 500 or 503. */
    static DiscoveryFault httpStatus(int status) {
        return new HttpStatus(status);
    }

    /** Answers HTTP 200, {@code application/json}, with a body cut off mid-object. */
    static DiscoveryFault garbageJson() {
        return new GarbageJson();
    }

    /** Answers normally (a good address), but only after {@code delay}: trips a client's discovery timeout. */
    static DiscoveryFault slowReply(Duration delay) {
        return new SlowReply(delay);
    }

    /** Answers HTTP 200 with code {@link DiscoveryCodes#REFUSED} and a message, as a refusing server does. */
    static DiscoveryFault refusal() {
        return new Refusal();
    }

    /**
     * Answers HTTP 200 with {@code {"code":"1","message":"no server free"}}: a busy vendor's passing
     * refusal, with the same code as a bad token, told apart only by its message.
     */
    static DiscoveryFault busy() {
        return new Busy();
    }

    /** See {@link #busy()}. */
    record Busy() implements DiscoveryFault {
        public static final String MESSAGE = "no server free";
    }

    /** See {@link #httpStatus(int)}. */
    record HttpStatus(int status) implements DiscoveryFault {
        public HttpStatus {
            if (status < 100 || status > 599 || status == 200) {
                throw new IllegalArgumentException("a failing HTTP status is 100..599 and not 200, got " + status);
            }
        }
    }

    /** See {@link #garbageJson()}. */
    record GarbageJson() implements DiscoveryFault {
        /** The body sent: JSON that stops in the middle. */
        public static final String BODY = "{\"code\":\"0\",\"server\":";
    }

    /** See {@link #slowReply(Duration)}. */
    record SlowReply(Duration delay) implements DiscoveryFault {
        public SlowReply {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    /** See {@link #refusal()}. */
    record Refusal() implements DiscoveryFault {
    }
}
