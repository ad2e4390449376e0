package io.jvq.transport.jdk;

import io.jvq.core.wire.NamedThreads;
import org.jspecify.annotations.Nullable;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A port's JDK {@link HttpClient}: made on first use, its callbacks on a cached pool of named daemon
 * threads (idle ones end after 30 s), and released with the port. The JDK 17 client has no
 * {@code close}: its selector thread ends once the client is unreachable, so this lets go of it.
 */
final class OwnedHttpClient {
    private final String threadPrefix;
    private final Consumer<HttpClient.Builder> settings;
    private @Nullable HttpClient client;
    private @Nullable ExecutorService threads;
    private boolean closed;

    /** {@code settings} complete the builder (timeouts, TLS, redirects); the executor is this class's. */
    OwnedHttpClient(String threadPrefix, Consumer<HttpClient.Builder> settings) {
        this.threadPrefix = threadPrefix;
        this.settings = settings;
    }

    /** The client, made on the first call; {@code null} once {@link #close()} has run. */
    synchronized @Nullable HttpClient get() {
        if (closed) {
            return null;
        }
        HttpClient http = client;
        if (http == null) {
            ExecutorService pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), new NamedThreads(threadPrefix));
            HttpClient.Builder builder = HttpClient.newBuilder().executor(pool);
            settings.accept(builder);
            http = builder.build();
            threads = pool;
            client = http;
        }
        return http;
    }

    /** Ends the client's threads; what is in flight fails. Idempotent. */
    void close() {
        HttpClient http;
        ExecutorService pool;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            http = client;
            pool = threads;
            client = null;
            threads = null;
        }
        if (http instanceof AutoCloseable closeable) {
            // JDK 21+: HttpClient is AutoCloseable and stops its selector thread at once.
            try {
                closeable.close();
            } catch (Exception e) {
                // Nothing left to release: the pool below ends the threads that matter.
            }
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
