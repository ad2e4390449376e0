package io.jvq.transport.tyrus;

import io.jvq.core.Token;
import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryReply;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Map;

/**
 * Reads the discovery reply {@code {"code":"0","server":"host:port/path"}} with JSON-P. Lenient
 * where the vendor may vary ({@code code} as a number, extra fields, {@code server} absent on
 * a refusal), strict where a guess would hide a fault (not JSON, not an object, a field of the
 * wrong type). Error messages show the body cut short, with the token redacted.
 */
final class DiscoveryReplyParser {
    /** How much of a bad body an error message shows. */
    static final int BODY_EXCERPT = 200;

    private final JsonReaderFactory readers = JsonProvider.provider().createReaderFactory(Map.of());

    DiscoveryReply parse(String body, String source, Token token) {
        JsonValue value;
        try (JsonReader reader = readers.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new DiscoveryException("discovery reply from " + source + " is not JSON ("
                    + token.redact(e.getMessage()) + "): " + excerpt(body, token));
        }
        if (!(value instanceof JsonObject object)) {
            throw new DiscoveryException("discovery reply from " + source + " is a JSON "
                    + value.getValueType().name().toLowerCase() + ", expected an object: " + excerpt(body, token));
        }
        String code = field(object, "code", true, source, body, token);
        if (code == null) {
            throw new DiscoveryException("discovery reply from " + source + " has no \"code\": " + excerpt(body, token));
        }
        String server = field(object, "server", false, source, body, token);
        return new DiscoveryReply(code, server, body);
    }

    /** A string field; a number too when {@code numberAllowed}; null when absent or JSON null. */
    private static String field(JsonObject object, String name, boolean numberAllowed, String source, String body,
                                Token token) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (numberAllowed && value instanceof JsonNumber number) {
            return number.toString();
        }
        throw new DiscoveryException("discovery reply from " + source + " has \"" + name + "\" as a JSON "
                + value.getValueType().name().toLowerCase() + ", expected a string"
                + (numberAllowed ? " or a number" : "") + ": " + excerpt(body, token));
    }

    /** {@code body} with the token redacted, cut to {@value #BODY_EXCERPT} characters. */
    static String excerpt(String body, Token token) {
        String redacted = token.redact(body);
        String oneLine = redacted.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= BODY_EXCERPT ? oneLine
                : oneLine.substring(0, BODY_EXCERPT) + "… (" + body.length() + " characters)";
    }
}
