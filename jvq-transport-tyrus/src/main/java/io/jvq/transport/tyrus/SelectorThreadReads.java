package io.jvq.transport.tyrus;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.tyrus.spi.Writer;

import java.lang.reflect.Field;

/**
 * Has a connection's Grizzly transport read and deliver on its selector thread. Tyrus builds each
 * client transport with Grizzly's default strategy, which hands every read from the selector
 * thread to a worker pool: a queue hand-off and a thread wake-up per message, and the listener's
 * latency tail waits on that wake-up. Tyrus offers no setting for the strategy, so this reaches
 * the transport through the upgrade's {@link Writer}, once the upgrade succeeded.
 *
 * <p>Reads stay serial either way (Grizzly's worker strategy turns read interest off while a read is
 * handled), and the port's pings, close and abort do not run on the reading thread. Where the
 * transport cannot be reached (another Tyrus container, or Tyrus on the module path, whose module
 * does not open the writer's package), the worker hand-off stays and the connection works as before.
 */
final class SelectorThreadReads {
    private static final Field GRIZZLY_CONNECTION = grizzlyConnectionField();

    private SelectorThreadReads() {
    }

    /** True if the transport behind {@code writer} now reads on its selector thread. */
    static boolean apply(Writer writer) {
        if (GRIZZLY_CONNECTION == null || !GRIZZLY_CONNECTION.getDeclaringClass().isInstance(writer)) {
            return false;
        }
        try {
            Transport transport = ((Connection<?>) GRIZZLY_CONNECTION.get(writer)).getTransport();
            transport.setIOStrategy(SameThreadIOStrategy.getInstance());
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            Log.LOG.debug("Grizzly transport not reachable, reads stay on worker threads: {}", e.toString());
            return false;
        }
    }

    private static Field grizzlyConnectionField() {
        try {
            Field field = Class.forName("org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter")
                    .getDeclaredField("connection");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.LOG.debug("Tyrus's Grizzly writer not reachable, reads stay on worker threads: {}", e.toString());
            return null;
        }
    }
}
