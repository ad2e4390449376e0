package io.jvq.spring.boot.common;

import io.jvq.core.client.ClientOptions;

/**
 * A bean that adjusts the client's options after the {@code jvq.*} properties are applied and before
 * the client is built: what properties do not cover (a refusal classifier, frame limits). Every such
 * bean runs, in bean order.
 */
@FunctionalInterface
public interface JvqClientCustomizer {

    void customize(ClientOptions.Builder options);
}
