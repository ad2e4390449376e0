package io.jvq.transport.tyrus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The module's SLF4J logger. Nothing logged here ever holds a request URI unredacted. */
final class Log {
    static final Logger LOG = LoggerFactory.getLogger("io.jvq.transport.tyrus");

    private Log() {
    }
}
