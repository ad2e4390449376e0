package io.jvq.testkit;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain JDK HTTP calls against the fake's discovery endpoint. */
final class HttpProbe {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Reply(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private HttpProbe() {
    }

    static Reply get(URI uri) {
        return get(uri, Duration.ofSeconds(5));
    }

    static Reply get(URI uri, Duration timeout) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("GET failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code server.discoveryUrl()} with the three documented parameters. */
    static URI discovery(FakeJvQuant server, String market, String type, String token) {
        return URI.create(server.discoveryUrl() + "?market=" + market + "&type=" + type + "&token=" + token);
    }

    static Reply discover(FakeJvQuant server) {
        return get(discovery(server, server.market(), "websocket", server.token()));
    }
}
