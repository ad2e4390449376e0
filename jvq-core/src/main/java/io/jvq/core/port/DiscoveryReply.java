package io.jvq.core.port;

import org.jspecify.annotations.Nullable;

/**
 * The discovery service's JSON reply, e.g. {@code {"code":"0","server":"1.2.3.4:8080/abc"}}.
 *
 * @param code   {@code "0"} on success; anything else (or {@code null}, when absent) is a refusal
 * @param server {@code host:port/path}, possibly with a {@code ws://}/{@code wss://} scheme;
 *               {@code null} when absent
 * @param body   the whole reply body as received, so that a refusal can be reported in full
 */
public record DiscoveryReply(@Nullable String code, @Nullable String server, String body) {

    public boolean ok() {
        return "0".equals(code);
    }
}
