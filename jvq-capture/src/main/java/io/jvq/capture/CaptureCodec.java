package io.jvq.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.jvq.core.SubscriptionCode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One capture line to and from JSON (Jackson's streaming core: a capture line is one flat object,
 * so a tree or data-binding library would add weight and nothing else). Decoding is
 * strict: a missing, mistyped or unknown key is an error, so that a typo in a hand-written fixture
 * does not turn into a silently different test. Problems come back as
 * {@link IllegalArgumentException}s that the reader prefixes with the line number.
 */
final class CaptureCodec {
    private static final Set<String> HEADER_KEYS = Set.of("jvqCapture", "market", "recordedAt", "source", "codes");
    /** A key given twice is an error too, not "the last one wins". */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CaptureCodec() {
    }

    static String encode(CaptureHeader header) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jvqCapture", header.version());
        if (header.market() != null) {
            json.put("market", header.market());
        }
        if (header.recordedAt() != null) {
            json.put("recordedAt", header.recordedAt().toString());
        }
        if (header.source() != null) {
            json.put("source", header.source());
        }
        if (!header.codes().isEmpty()) {
            json.put("codes", header.codes().stream().map(SubscriptionCode::wire).toList());
        }
        return write(json);
    }

    static String encode(CaptureEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("t", entry.t());
        if (entry instanceof CaptureEntry.Text text) {
            json.put("type", "text");
            json.put("data", text.data());
        } else if (entry instanceof CaptureEntry.Binary binary) {
            json.put("type", "binary");
            json.put("data", Base64.getEncoder().encodeToString(binary.data()));
        } else if (entry instanceof CaptureEntry.Quotes quotes) {
            json.put("type", "quotes");
            json.put("data", quotes.data());
        } else if (entry instanceof CaptureEntry.Command command) {
            json.put("type", "command");
            json.put("data", command.data());
        } else if (entry instanceof CaptureEntry.Close close) {
            json.put("type", "fault");
            json.put("fault", "close");
            json.put("code", close.code());
            if (!close.reason().isEmpty()) {
                json.put("reason", close.reason());
            }
        } else if (entry instanceof CaptureEntry.Cut) {
            json.put("type", "fault");
            json.put("fault", "cut");
        } else if (entry instanceof CaptureEntry.Stall stall) {
            json.put("type", "fault");
            json.put("fault", "stall");
            json.put("ms", stall.ms());
        } else {
            throw new IllegalArgumentException("unknown capture entry " + entry);
        }
        return write(json);
    }

    /** Decodes the first line; fails unless it is a header of the version this library reads. */
    static CaptureHeader decodeHeader(String line) {
        Map<String, Object> json = object(line);
        if (!json.containsKey("jvqCapture")) {
            throw new IllegalArgumentException("expected the header {\"jvqCapture\":" + CaptureHeader.CURRENT_VERSION
                    + ",…} as the first line, got " + excerpt(line));
        }
        onlyKeys(json, HEADER_KEYS, "the header");
        long version = integer(json, "jvqCapture");
        if (version != CaptureHeader.CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported capture version " + version
                    + " (this library reads version " + CaptureHeader.CURRENT_VERSION + ")");
        }
        Instant recordedAt = null;
        String recorded = optionalString(json, "recordedAt");
        if (recorded != null) {
            try {
                recordedAt = Instant.parse(recorded);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'recordedAt' must be an ISO-8601 instant like "
                        + "2025-01-02T01:30:00Z, got '" + recorded + "'");
            }
        }
        List<SubscriptionCode> codes = new ArrayList<>();
        if (json.containsKey("codes")) {
            if (!(json.get("codes") instanceof List<?> array)) {
                throw new IllegalArgumentException("'codes' must be an array of subscription codes");
            }
            for (Object code : array) {
                if (!(code instanceof String s)) {
                    throw new IllegalArgumentException("'codes' must hold strings, got " + code);
                }
                codes.add(SubscriptionCode.parse(s));
            }
        }
        return new CaptureHeader((int) version, optionalString(json, "market"), recordedAt,
                optionalString(json, "source"), codes);
    }

    static CaptureEntry decodeEntry(String line) {
        Map<String, Object> json = object(line);
        if (json.containsKey("jvqCapture")) {
            throw new IllegalArgumentException("a second header; a capture has one, on its first line");
        }
        String type = string(json, "type");
        long t = integer(json, "t");
        if (t < 0) {
            throw new IllegalArgumentException("'t' must be >= 0, got " + t);
        }
        switch (type) {
            case "text":
                onlyKeys(json, Set.of("t", "type", "data"), "a text entry");
                return new CaptureEntry.Text(t, string(json, "data"));
            case "binary":
                onlyKeys(json, Set.of("t", "type", "data"), "a binary entry");
                String base64 = string(json, "data");
                try {
                    return new CaptureEntry.Binary(t, Base64.getDecoder().decode(base64));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'data' of a binary entry must be base64: " + e.getMessage());
                }
            case "quotes":
                onlyKeys(json, Set.of("t", "type", "data"), "a quotes entry");
                return new CaptureEntry.Quotes(t, string(json, "data"));
            case "command":
                onlyKeys(json, Set.of("t", "type", "data"), "a command entry");
                return new CaptureEntry.Command(t, string(json, "data"));
            case "fault":
                return decodeFault(json, t);
            default:
                throw new IllegalArgumentException("unknown 'type' '" + type
                        + "' (expected text, binary, quotes, command or fault)");
        }
    }

    private static CaptureEntry decodeFault(Map<String, Object> json, long t) {
        String fault = string(json, "fault");
        switch (fault) {
            case "close":
                onlyKeys(json, Set.of("t", "type", "fault", "code", "reason"), "a close fault");
                long code = integer(json, "code");
                if (code != (int) code || !CaptureEntry.isSendableCloseCode((int) code)) {
                    throw new IllegalArgumentException("close 'code' " + code
                            + " cannot be sent in a close frame (1000-1003, 1007-1014 or 3000-4999)");
                }
                String reason = optionalString(json, "reason");
                return new CaptureEntry.Close(t, (int) code, reason == null ? "" : reason);
            case "cut":
                onlyKeys(json, Set.of("t", "type", "fault"), "a cut fault");
                return new CaptureEntry.Cut(t);
            case "stall":
                onlyKeys(json, Set.of("t", "type", "fault", "ms"), "a stall fault");
                long ms = integer(json, "ms");
                if (ms < 0) {
                    throw new IllegalArgumentException("stall 'ms' must be >= 0, got " + ms);
                }
                return new CaptureEntry.Stall(t, ms);
            default:
                throw new IllegalArgumentException("unknown 'fault' '" + fault + "' (expected close, cut or stall)");
        }
    }

    private static Map<String, Object> object(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            throw new IllegalArgumentException("not a JSON object: " + excerpt(line));
        }
        try (JsonParser parser = JSON.createParser(trimmed)) {
            parser.nextToken();
            Map<String, Object> json = readObject(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON object: " + excerpt(line));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + firstLine(e.getOriginalMessage()) + "): " + excerpt(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the object the parser is at: strings, numbers, booleans, null, arrays and objects. */
    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            object.put(key, readValue(parser));
        }
        return object;
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                return array;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            default:
                return null;
        }
    }

    private static String write(Map<String, Object> json) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> field : json.entrySet()) {
                generator.writeFieldName(field.getKey());
                Object value = field.getValue();
                if (value instanceof List<?> list) {
                    generator.writeStartArray();
                    for (Object item : list) {
                        generator.writeString((String) item);
                    }
                    generator.writeEndArray();
                } else if (value instanceof String s) {
                    generator.writeString(s);
                } else {
                    generator.writeNumber(((Number) value).longValue());
                }
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void onlyKeys(Map<String, Object> json, Set<String> allowed, String what) {
        for (String key : json.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + what
                        + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String string(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' must be a string, got " + value);
        }
        return s;
    }

    private static String optionalString(Map<String, Object> json, String key) {
        return json.containsKey(key) ? string(json, key) : null;
    }

    private static long integer(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be an integer, got " + value);
    }

    private static String excerpt(String line) {
        String s = line.length() > 80 ? line.substring(0, 80) + "…" : line;
        return "'" + s + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
