package io.jvq.core.port;

import io.jvq.core.Token;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One discovery call: {@code <baseUrl>?market=<market>&type=websocket&token=<token>}.
 *
 * @param baseUrl e.g. {@code http://jvQuant.com/server}; may already carry a query
 * @param timeout how long the adapter waits for the whole reply
 */
public record DiscoveryRequest(URI baseUrl, String market, String type, Token token, Duration timeout) {

    public DiscoveryRequest {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The full URL, token included: send it, never log it. */
    public URI uri() {
        String base = baseUrl.toString();
        String separator = base.contains("?") ? "&" : "?";
        return URI.create(base + separator + "market=" + encode(market) + "&type=" + encode(type)
                + "&token=" + encode(token.reveal()));
    }

    /** The URL with the token shown as {@code ***}, for logs and messages. */
    public String redactedUri() {
        return token.redact(uri().toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DiscoveryRequest[" + redactedUri() + ", timeout=" + timeout + "]";
    }
}
