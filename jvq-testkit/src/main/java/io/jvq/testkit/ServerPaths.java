package io.jvq.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket paths the fake hands out. With rotation, every discovery issues a fresh path that
 * admits exactly one upgrade, so a client that reconnects without asking discovery again is
 * refused; without rotation one fixed path admits every upgrade.
 */
final class ServerPaths {
    /** The path served when rotation is off. */
    static final String FIXED = "quote";

    enum Admission { ACCEPTED, UNKNOWN, ALREADY_USED }

    private final boolean rotate;
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> fresh = ConcurrentHashMap.newKeySet();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    ServerPaths(boolean rotate) {
        this.rotate = rotate;
    }

    boolean rotates() {
        return rotate;
    }

    /** A path (no leading slash) for the next connection. */
    String issue() {
        if (!rotate) {
            return FIXED;
        }
        String path = "ws" + issued.incrementAndGet() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        fresh.add(path);
        return path;
    }

    /** Whether {@code path} (no leading slash) is open for an upgrade, without using it up. */
    Admission check(String path) {
        if (!rotate) {
            return FIXED.equals(path) ? Admission.ACCEPTED : Admission.UNKNOWN;
        }
        if (fresh.contains(path)) {
            return Admission.ACCEPTED;
        }
        return used.contains(path) ? Admission.ALREADY_USED : Admission.UNKNOWN;
    }

    /** Uses the path up; false when another upgrade took it first. */
    boolean consume(String path) {
        if (!rotate) {
            return FIXED.equals(path);
        }
        if (fresh.remove(path)) {
            used.add(path);
            return true;
        }
        return false;
    }
}
