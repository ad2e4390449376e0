package io.jvq.transport.vertx;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/** Reads the discovery service's answer (docs/PROTOCOL.md §1) into a {@link DiscoveryReply}. */
final class DiscoveryReplies {
    /** How much of a bad body an error message quotes. */
    static final int QUOTED_BODY_CHARS = 200;

    private DiscoveryReplies() {
    }

    /**
     * The reply to one call: status 200 and a JSON object, else a {@link DiscoveryException} that
     * names what was wrong and quotes the body (cut, token hidden).
     *
     * @param where the call's URL with the token already hidden
     */
    static DiscoveryReply parse(int status, String body, String where, Token token) {
        if (status != 200) {
            throw new DiscoveryException("discovery " + where + " answered HTTP " + status + ": " + quote(body, token));
        }
        Object json;
        try {
            json = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw new DiscoveryException("discovery " + where + " answered with a body that is not JSON: "
                    + quote(body, token));
        }
        if (!(json instanceof JsonObject object)) {
            throw new DiscoveryException("discovery " + where + " answered with JSON that is not an object ("
                    + kind(json) + "): " + quote(body, token));
        }
        return new DiscoveryReply(code(object.getValue("code"), where, body, token),
                server(object.getValue("server"), where, body, token), body);
    }

    /** {@code "code"} as text; the service sends a string, a number is taken as its digits. */
    private static String code(Object value, String where, String body, Token token) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float || number instanceof BigDecimal
                    ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                    : number.toString();
        }
        throw new DiscoveryException("discovery " + where + " answered with a \"code\" that is "
                + kind(value) + ", not a string or a number: " + quote(body, token));
    }

    private static String server(Object value, String where, String body, Token token) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new DiscoveryException("discovery " + where + " answered with a \"server\" that is "
                + kind(value) + ", not a string: " + quote(body, token));
    }

    private static String kind(Object json) {
        if (json == null) {
            return "null";
        }
        if (json instanceof String) {
            return "a string";
        }
        if (json instanceof Number) {
            return "a number";
        }
        if (json instanceof Boolean) {
            return "a boolean";
        }
        if (json instanceof JsonObject) {
            return "an object";
        }
        return "an array";
    }

    /** The body in quotes, cut to {@value #QUOTED_BODY_CHARS} chars, with the token hidden. */
    static String quote(String body, Token token) {
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        String safe = token.redact(body);
        return safe.length() <= QUOTED_BODY_CHARS
                ? "\"" + safe + "\""
                : "\"" + safe.substring(0, QUOTED_BODY_CHARS) + "…\" (" + body.length() + " chars)";
    }
}
