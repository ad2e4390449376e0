package io.jvq.cli.output;

import io.jvq.core.Redaction;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.ListenerFailure;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Connection state and notices, one line each, on stderr: never mixed into the data on stdout.
 * Every line passes through the redactor, so a token that slipped into a reason is shown as ***.
 */
public final class StatusLog {
    private final Consumer<String> lines;
    private final UnaryOperator<String> redactor;

    public StatusLog(PrintWriter err, UnaryOperator<String> redactor) {
        this(line -> {
            err.println(line);
            err.flush();
        }, redactor);
    }

    /** A log whose lines go to {@code lines} (e.g. the status line of a live board) instead of stderr. */
    public StatusLog(Consumer<String> lines, UnaryOperator<String> redactor) {
        this.lines = lines;
        this.redactor = redactor;
    }

    /** A log that hides {@code token=…} query values only. */
    public StatusLog(PrintWriter err) {
        this(err, Redaction::redact);
    }

    public synchronized void info(String message) {
        lines.accept("jvq: " + redactor.apply(message));
    }

    public void connection(ConnectionEvent event) {
        info(describe(event));
    }

    /** Something the grammar tolerated (extra fields): said once per connection and record kind. */
    public void notice(DecodeNotice notice) {
        info("notice: " + notice.notice() + "; e.g. " + notice.excerpt());
    }

    public void listenerFailure(ListenerFailure failure) {
        info("could not print " + failure.event().getClass().getSimpleName() + ": " + failure.error());
    }

    static String describe(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Discovering d) {
            return "discovering a server" + retry(d.attempt());
        }
        if (event instanceof ConnectionEvent.Connecting c) {
            return "connecting to " + c.server() + retry(c.attempt());
        }
        if (event instanceof ConnectionEvent.Connected c) {
            return "connected to " + c.server();
        }
        if (event instanceof ConnectionEvent.Disconnected d) {
            return "disconnected" + (d.closeCode() < 0 ? "" : " (close code " + d.closeCode() + ")")
                    + (d.reason() == null || d.reason().isEmpty() ? "" : ": " + d.reason());
        }
        if (event instanceof ConnectionEvent.Refused r) {
            return (r.reason() != null && r.reason().startsWith("discovery") ? "discovery" : "the server")
                    + " refused for good (code " + r.code() + "): not retrying";
        }
        if (event instanceof ConnectionEvent.ReconnectScheduled r) {
            return "reconnecting in " + r.delayMillis() + " ms" + retry(r.attempt());
        }
        return "closed";
    }

    /** The client counts failed attempts since the last good connection: 0 is a first try. */
    private static String retry(int failedAttempts) {
        return failedAttempts == 0 ? "" : " (retry " + failedAttempts + ")";
    }
}
