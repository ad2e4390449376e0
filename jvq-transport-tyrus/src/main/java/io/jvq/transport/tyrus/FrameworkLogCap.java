package io.jvq.transport.tyrus;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tyrus and Grizzly log the full request URI, token included, through java.util.logging at
 * CONFIG and FINE ("Connecting to 'ws://…?token=…'"). Someone who turns the root logger to FINE
 * to debug something else should not leak the token: so unless the application has set a level
 * on these loggers itself, they are held at INFO. The loggers are kept referenced here because
 * java.util.logging forgets a level set on a logger nobody holds.
 */
final class FrameworkLogCap {
    private static final List<String> NAMES = List.of("org.glassfish.tyrus", "org.glassfish.grizzly");
    private static final List<Logger> PINNED = NAMES.stream().map(Logger::getLogger).toList();

    private FrameworkLogCap() {
    }

    static synchronized void apply() {
        for (Logger logger : PINNED) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.INFO);
            }
        }
    }
}
