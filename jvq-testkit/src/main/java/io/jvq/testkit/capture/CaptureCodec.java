package io.jvq.testkit.capture;

import io.jvq.core.SubscriptionCode;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One capture line to and from JSON (Vert.x's {@link JsonObject}, Jackson underneath). Decoding is
 * strict: a missing, mistyped or unknown key is an error, so that a typo in a hand-written fixture
 * does not turn into a silently different test. Problems come back as
 * {@link IllegalArgumentException}s that the reader prefixes with the line number.
 */
final class CaptureCodec {
    private static final Set<String> HEADER_KEYS = Set.of("jvqCapture", "market", "recordedAt", "source", "codes");

    private CaptureCodec() {
    }

    static String encode(CaptureHeader header) {
        JsonObject json = new JsonObject().put("jvqCapture", header.version());
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
            JsonArray codes = new JsonArray();
            header.codes().forEach(c -> codes.add(c.wire()));
            json.put("codes", codes);
        }
        return json.encode();
    }

    static String encode(CaptureEntry entry) {
        JsonObject json = new JsonObject().put("t", entry.t());
        if (entry instanceof CaptureEntry.Text text) {
            json.put("type", "text").put("data", text.data());
        } else if (entry instanceof CaptureEntry.Binary binary) {
            json.put("type", "binary").put("data", Base64.getEncoder().encodeToString(binary.data()));
        } else if (entry instanceof CaptureEntry.Quotes quotes) {
            json.put("type", "quotes").put("data", quotes.data());
        } else if (entry instanceof CaptureEntry.Command command) {
            json.put("type", "command").put("data", command.data());
        } else if (entry instanceof CaptureEntry.Close close) {
            json.put("type", "fault").put("fault", "close").put("code", close.code());
            if (!close.reason().isEmpty()) {
                json.put("reason", close.reason());
            }
        } else if (entry instanceof CaptureEntry.Cut) {
            json.put("type", "fault").put("fault", "cut");
        } else if (entry instanceof CaptureEntry.Stall stall) {
            json.put("type", "fault").put("fault", "stall").put("ms", stall.ms());
        } else {
            throw new IllegalArgumentException("unknown capture entry " + entry);
        }
        return json.encode();
    }

    /** Decodes the first line; fails unless it is a header of the version this library reads. */
    static CaptureHeader decodeHeader(String line) {
        JsonObject json = object(line);
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
            if (!(json.getValue("codes") instanceof JsonArray array)) {
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
        JsonObject json = object(line);
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

    private static CaptureEntry decodeFault(JsonObject json, long t) {
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

    private static JsonObject object(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            throw new IllegalArgumentException("not a JSON object: " + excerpt(line));
        }
        try {
            return new JsonObject(trimmed);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("not valid JSON (" + firstLine(e.getMessage()) + "): " + excerpt(line));
        }
    }

    private static void onlyKeys(JsonObject json, Set<String> allowed, String what) {
        for (String key : json.fieldNames()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + what
                        + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String string(JsonObject json, String key) {
        Object value = json.getValue(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' must be a string, got " + value);
        }
        return s;
    }

    private static String optionalString(JsonObject json, String key) {
        return json.containsKey(key) ? string(json, key) : null;
    }

    private static long integer(JsonObject json, String key) {
        Object value = json.getValue(key);
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
