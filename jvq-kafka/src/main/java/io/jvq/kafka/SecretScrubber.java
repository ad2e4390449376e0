package io.jvq.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an error into text for logs and {@link BridgeStats#lastError()}: its class and message, with
 * the values of the producer's secret settings (passwords, JAAS configuration) blanked, should
 * Kafka ever quote them, and cut to a length a health endpoint can show.
 */
final class SecretScrubber {
    private static final int MAX = 300;

    private final List<String> secrets;

    private SecretScrubber(List<String> secrets) {
        this.secrets = secrets;
    }

    static SecretScrubber of(Map<String, Object> config) {
        List<String> secrets = new ArrayList<>();
        config.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (value != null && (key.contains("password") || key.contains("jaas") || key.contains("secret")
                    || key.contains("token"))) {
                String text = String.valueOf(value);
                if (text.length() >= 4 && !(value instanceof Class<?>)) {
                    secrets.add(text);
                }
            }
        });
        return new SecretScrubber(List.copyOf(secrets));
    }

    String describe(Throwable error) {
        String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        for (String secret : secrets) {
            text = text.replace(secret, "***");
        }
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}
