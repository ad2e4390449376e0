package io.jvq.transport.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the Vert.x instance jvq runs on when the user did not pass one in. */
final class OwnedVertx {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedVertx.class);

    private OwnedVertx() {
    }

    /**
     * One event loop is plenty: a client holds one WebSocket and makes one discovery call per
     * connection. No file caching: jvq never reads files through Vert.x, so it leaves no cache
     * directory behind.
     */
    static VertxOptions options() {
        return new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false));
    }

    /** A new instance whose threads are named {@code jvq-vert.x-…}. */
    static Vertx create() {
        try {
            return VertxInternals.namedVertx(options());
        } catch (LinkageError e) {
            // On the module path Vert.x does not export the thread class the factory needs.
            LOG.debug("cannot name Vert.x threads ({}); using Vert.x's default names", e.toString());
            return Vertx.vertx(options());
        }
    }
}
