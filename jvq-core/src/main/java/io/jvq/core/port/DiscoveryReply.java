package io.jvq.core.port;

/**
 * The discovery service's JSON reply, e.g. {@code {"code":"0","server":"1.2.3.4:8080/abc"}}.
 *
 * @param code   {@code "0"} on success; anything else is a refusal
 * @param server {@code host:port/path}, possibly with a {@code ws://}/{@code wss://} scheme;
 *               {@code null} when absent
 * @param body   the whole reply body as received, so that a refusal can be reported in full
 */
public record DiscoveryReply(String code, String server, String body) {

    public boolean ok() {
        return "0".equals(code);
    }
}
