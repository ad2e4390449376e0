package io.jvq.cli.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jvq.core.port.DiscoveryReply;

import java.io.IOException;

/** What a discovery refusal says, for a one-line error. */
final class DiscoveryMessages {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX = 200;

    private DiscoveryMessages() {
    }

    /**
     * The reply's {@code message} (or {@code msg}, {@code error}) field when it has one,
     * else the body as received, cut to a readable length.
     */
    static String message(DiscoveryReply reply) {
        String body = reply.body() == null ? "" : reply.body().strip();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING
                            && (field.equals("message") || field.equals("msg") || field.equals("error"))) {
                        return cut(parser.getText());
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException notJson) {
            // fall back to the body as received
        }
        return body.isEmpty() ? "(empty reply)" : cut(body);
    }

    private static String cut(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX) + "…";
    }
}
