package io.jvq.testkit.conformance;

import io.jvq.core.port.DiscoveryException;
import io.jvq.core.port.DiscoveryPort;
import io.jvq.core.port.DiscoveryReply;
import io.jvq.core.port.DiscoveryRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * A discovery adapter on the JDK's {@link HttpClient}, written for the testkit's own run of the
 * conformance suite (the JSON is read with Vert.x's {@link JsonObject}, already on the class path).
 * On JDK 17 an {@code HttpClient} cannot be closed: {@link #close()} stops its executor and lets go
 * of it, and its selector thread ends once it is collected.
 */
public final class JdkDiscoveryPort implements DiscoveryPort {
    private final ExecutorService executor = NamedThreads.cachedPool("jdk-discovery");
    private volatile HttpClient http = HttpClient.newBuilder().executor(executor)
            .version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public CompletableFuture<DiscoveryReply> discover(DiscoveryRequest request) {
        HttpClient client = http;
        if (client == null) {
            return CompletableFuture.failedFuture(new DiscoveryException("the discovery port is closed"));
        }
        HttpRequest get = HttpRequest.newBuilder(request.uri()).timeout(request.timeout()).GET().build();
        return client.sendAsync(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        throw new CompletionException(new DiscoveryException("discovery at " + request.redactedUri()
                                + " failed: " + request.token().redact(String.valueOf(cause)), cause));
                    }
                    return reply(request, response);
                });
    }

    private static DiscoveryReply reply(DiscoveryRequest request, HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200) {
            throw new DiscoveryException("discovery at " + request.redactedUri() + " answered HTTP "
                    + response.statusCode() + ": " + request.token().redact(excerpt(body)));
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new DiscoveryException("discovery at " + request.redactedUri() + " answered something that is not"
                    + " a JSON object: " + request.token().redact(excerpt(body)));
        }
        Object code = json.getValue("code");
        Object server = json.getValue("server");
        return new DiscoveryReply(code == null ? null : String.valueOf(code), server == null ? null : String.valueOf(server),
                body);
    }

    private static String excerpt(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    @Override
    public void close() {
        http = null;
        executor.shutdownNow();
    }
}
