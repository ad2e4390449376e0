package io.jvq.spring.boot.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The feed's health as plain data, for each Boot line's indicator to report: up or down, and the
 * details (a down one always has a {@code reason}). The details name no token.
 */
public record FeedHealth(boolean up, Map<String, Object> details) {

    public FeedHealth {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static FeedHealth down(String reason) {
        return new FeedHealth(false, Map.of("reason", reason));
    }
}
