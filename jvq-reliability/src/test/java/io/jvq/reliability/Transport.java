package io.jvq.reliability;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;

import java.util.function.Function;

/**
 * A transport under test: a name for the report and the adapter's own way to build a client with
 * both ports set. Every test in this module runs once per entry of {@link Transports#all()}.
 */
record Transport(String name, Function<ClientOptions, JvqClient.Builder> builders) {

    JvqClient.Builder clientBuilder(ClientOptions options) {
        return builders.apply(options);
    }

    @Override
    public String toString() {
        return name;
    }
}
