package io.jvq.cli;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends what Tyrus and Grizzly log through java.util.logging to the CLI's SLF4J output, at the
 * levels asked for there ({@code -Dorg.slf4j.simpleLogger.log.org.glassfish=debug}), with every
 * token hidden: at CONFIG and FINE Tyrus logs the request URI, token included.
 */
final class FrameworkLogging {
    /** The frameworks that log through java.util.logging, held so their levels are not forgotten. */
    private static final List<Logger> FRAMEWORKS = List.of(Logger.getLogger("org.glassfish.tyrus"),
            Logger.getLogger("org.glassfish.grizzly"));

    private FrameworkLogging() {
    }

    /** Replaces java.util.logging's console output with SLF4J's, lines passed through {@code redact}. */
    static synchronized void routeToSlf4j(UnaryOperator<String> redact) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        Logger.getLogger("").addHandler(new RedactingBridge(redact));
        for (Logger framework : FRAMEWORKS) {
            framework.setLevel(julLevel(LoggerFactory.getLogger(framework.getName())));
        }
    }

    /** The java.util.logging level that lets through what {@code logger} would print, and no more. */
    static Level julLevel(org.slf4j.Logger logger) {
        if (logger.isTraceEnabled()) {
            return Level.FINEST;
        } else if (logger.isDebugEnabled()) {
            return Level.FINE;
        } else if (logger.isInfoEnabled()) {
            return Level.INFO;
        } else if (logger.isWarnEnabled()) {
            return Level.WARNING;
        }
        return Level.SEVERE;
    }

    /** The bridge, with the message (and the failure, as text: its message may hold a URI) redacted. */
    static final class RedactingBridge extends SLF4JBridgeHandler {
        /** Only its formatMessage: the record's parameters and resource bundle applied. */
        private static final SimpleFormatter MESSAGE = new SimpleFormatter();
        private final UnaryOperator<String> redact;

        RedactingBridge(UnaryOperator<String> redact) {
            this.redact = redact;
        }

        @Override
        public void publish(LogRecord record) {
            if (record == null) {
                return;
            }
            String message = MESSAGE.formatMessage(record);
            Throwable thrown = record.getThrown();
            String text = message == null ? "" : message;
            if (thrown != null) {
                text = text + " (" + thrown + ")";
            }
            LogRecord clean = new LogRecord(record.getLevel(), redact.apply(text));
            clean.setLoggerName(record.getLoggerName());
            clean.setInstant(record.getInstant());
            super.publish(clean);
        }
    }
}
