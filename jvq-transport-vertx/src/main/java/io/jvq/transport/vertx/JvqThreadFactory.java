package io.jvq.transport.vertx;

import io.vertx.core.impl.VertxThread;
import io.vertx.core.spi.VertxThreadFactory;

import java.util.concurrent.TimeUnit;

/**
 * Prefixes the threads of a Vert.x instance that jvq creates itself with {@code jvq-}, so that
 * {@code jvq-vert.x-eventloop-thread-0} in a thread dump says who started it.
 * Vert.x 5 offers no public way to name its threads; this factory goes through its internal
 * bootstrap SPI (see {@link OwnedVertx}), which works on the class path.
 */
final class JvqThreadFactory implements VertxThreadFactory {
    static final String PREFIX = "jvq-";

    @Override
    public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
                                      TimeUnit maxExecTimeUnit) {
        return VertxThreadFactory.super.newVertxThread(target, PREFIX + name, worker, maxExecTime, maxExecTimeUnit);
    }
}
