package io.jvq.core.wire;

import io.jvq.core.Token;
import io.jvq.core.json.JsonReader;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a discovery reply means (docs/PROTOCOL.md §1), decided once for every transport: the
 * adapter hands over the HTTP status and the body bytes, this says whether that is a reply, and
 * which. Lenient where the vendor may vary ({@code code} as a number such as {@code 0} or
 * {@code 0.0}, extra fields, {@code code} or {@code server} absent on a refusal), strict where a
 * guess would hide a fault (another status, a body that is not JSON, not an object, a field of
 * the wrong type). Redirects are not followed: the URL carries the token, which must not be
 * sent wherever a {@code Location} header points.
 */
public final class DiscoveryReplies {
    /** A discovery reply is a few dozen bytes; a body past this is not one. Transports stop reading there. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of a bad body an error message quotes. */
    public static final int QUOTED_BODY_CHARS = 200;

    private DiscoveryReplies() {
    }

    /** Refuses, before any call, a discovery URL that is not {@code http://} or {@code https://} with a host. */
    public static void requireHttpUrl(DiscoveryRequest request) {
        String scheme = request.baseUrl().getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new DiscoveryException("a discovery URL starts with http:// or https://, got " + request.redactedUri());
        }
        String host = request.uri().getHost();
        if (host == null || host.isEmpty()) {
            throw new DiscoveryException("the discovery URL has no host: " + request.redactedUri());
        }
    }

    /**
     * The reply for {@code status} and {@code body}, or a {@link DiscoveryException} that names
     * what was wrong and quotes the body (cut, token hidden).
     */
    public static DiscoveryReply interpret(DiscoveryRequest request, int status, byte[] body) {
        String where = request.redactedUri();
        Token token = request.token();
        String text = new String(body, StandardCharsets.UTF_8);
        if (body.length > MAX_BODY_BYTES) {
            throw bodyTooLarge(request, status);
        }
        if (status >= 300 && status < 400) {
            throw new DiscoveryException("discovery " + where + " answered HTTP " + status
                    + ", a redirect, which jvq does not follow (the URL carries the token): " + quote(text, token));
        }
        if (status != 200) {
            throw new DiscoveryException("discovery " + where + " answered HTTP " + status + ": " + quote(text, token));
        }
        Object json;
        try {
            json = JsonReader.read(text);
        } catch (IllegalArgumentException e) {
            // The reader's message starts "not JSON: " and says what was wrong where.
            throw new DiscoveryException("discovery " + where + " answered with a body that is "
                    + e.getMessage() + ": " + quote(text, token));
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw new DiscoveryException("discovery " + where + " answered with JSON that is not an object ("
                    + kind(json) + "): " + quote(text, token));
        }
        return new DiscoveryReply(code(object.get("code"), where, text, token),
                server(object.get("server"), where, text, token), text);
    }

    /** The body passed {@link #MAX_BODY_BYTES}; the transport stopped reading. */
    public static DiscoveryException bodyTooLarge(DiscoveryRequest request, int status) {
        return new DiscoveryException("discovery " + request.redactedUri() + " answered with a body over "
                + MAX_BODY_BYTES + " bytes (HTTP " + status + ")");
    }

    /** The call failed below HTTP (refused, reset, TLS, …): the cause's text and the cause itself, token-free. */
    public static DiscoveryException failed(DiscoveryRequest request, Throwable cause) {
        TokenScrubber scrubber = TokenScrubber.of(request.uri());
        String detail = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + scrubber.scrub(cause.getMessage());
        return new DiscoveryException("discovery " + request.redactedUri() + " failed: " + detail,
                scrubber.scrubbed(cause));
    }

    /** {@code "code"} as text; the service sends a string, a number is taken as its plain digits ({@code 0.0} is "0"). */
    private static @Nullable String code(@Nullable Object value, String where, String body, Token token) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        throw new DiscoveryException("discovery " + where + " answered with a \"code\" that is "
                + kind(value) + ", not a string or a number: " + quote(body, token));
    }

    private static @Nullable String server(@Nullable Object value, String where, String body, Token token) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new DiscoveryException("discovery " + where + " answered with a \"server\" that is "
                + kind(value) + ", not a string: " + quote(body, token));
    }

    private static String kind(@Nullable Object json) {
        if (json == null) {
            return "null";
        }
        if (json instanceof String) {
            return "a string";
        }
        if (json instanceof BigDecimal) {
            return "a number";
        }
        if (json instanceof Boolean) {
            return "a boolean";
        }
        if (json instanceof List) {
            return "an array";
        }
        return "an object";
    }

    /** The body in quotes on one line, cut to {@value #QUOTED_BODY_CHARS} chars, with the token hidden. */
    public static String quote(String body, Token token) {
        if (body.isEmpty()) {
            return "(empty body)";
        }
        String safe = TokenScrubber.of(token).scrub(body).replace("\r", "\\r").replace("\n", "\\n");
        return safe.length() <= QUOTED_BODY_CHARS
                ? "\"" + safe + "\""
                : "\"" + safe.substring(0, QUOTED_BODY_CHARS) + "…\" (" + body.length() + " chars)";
    }
}
