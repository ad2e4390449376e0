package io.jvq.bench.e2e;

import io.jvq.core.client.ClientOptions;
import io.jvq.core.client.JvqClient;
import io.jvq.transport.jdk.JvqJdk;
import io.jvq.transport.tyrus.JvqTyrus;
import io.jvq.transport.vertx.JvqVertx;

/** The socket adapters a client can run on; each builder owns its ports (closed with the client). */
public enum Transport {
    VERTX {
        @Override
        public JvqClient.Builder clientBuilder(ClientOptions options) {
            return JvqVertx.clientBuilder(options);
        }
    },
    TYRUS {
        @Override
        public JvqClient.Builder clientBuilder(ClientOptions options) {
            return JvqTyrus.clientBuilder(options);
        }
    },
    JDK {
        @Override
        public JvqClient.Builder clientBuilder(ClientOptions options) {
            return JvqJdk.clientBuilder(options);
        }
    };

    public abstract JvqClient.Builder clientBuilder(ClientOptions options);
}
