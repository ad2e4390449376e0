package io.jvq.core.client;

import io.jvq.core.Token;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The WebSocket address built from a discovery reply's {@code server} (docs/PROTOCOL.md §1–2):
 * {@code host:port/path} becomes {@code ws://host:port/path?token=…}; an address that already
 * has a {@code ws://} or {@code wss://} scheme is used as is; {@code &token=} is appended when it
 * already carries a query. {@link #display()} and {@link #toString()} never show the token.
 */
final class ServerAddress {
    private final URI uri;
    private final String display;

    private ServerAddress(URI uri, String display) {
        this.uri = uri;
        this.display = display;
    }

    /**
     * @throws IllegalArgumentException naming the address (token redacted) when it is unusable
     */
    static ServerAddress of(String server, Token token) {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("the server address is empty");
        }
        String address = server.strip();
        String shown = token.redact(address);
        String lower = address.toLowerCase(Locale.ROOT);
        boolean hasScheme = lower.startsWith("ws://") || lower.startsWith("wss://");
        if (!hasScheme && lower.contains("://")) {
            throw new IllegalArgumentException("unsupported scheme in server address '" + shown
                    + "': expected host:port/path, ws://… or wss://…");
        }
        URI base;
        try {
            base = new URI(hasScheme ? address : "ws://" + address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server address '" + shown + "' is not a valid URI: " + e.getReason());
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("server address '" + shown + "' has no host");
        }
        if (base.getRawFragment() != null) {
            throw new IllegalArgumentException("server address '" + shown + "' has a fragment (#…)");
        }
        String separator = base.getRawQuery() == null ? "?" : address.endsWith("?") ? "" : "&";
        URI uri = URI.create(base + separator + "token=" + URLEncoder.encode(token.reveal(), StandardCharsets.UTF_8));
        int query = address.indexOf('?');
        return new ServerAddress(uri, token.redact(query < 0 ? address : address.substring(0, query)));
    }

    /** The address to connect to, token included: send it, never log it. */
    URI uri() {
        return uri;
    }

    /** The address for people: as discovery gave it, without the query. */
    String display() {
        return display;
    }

    @Override
    public String toString() {
        return display;
    }
}
