package io.jvq.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** What Tyrus and Grizzly log through java.util.logging reaches the CLI's SLF4J output, tokens hidden. */
class FrameworkLoggingTest {

    @Test
    void aFrameworkRecordComesOutThroughSlf4jWithTheTokenHidden() {
        FrameworkLogging.RedactingBridge bridge = new FrameworkLogging.RedactingBridge(
                text -> text.replace("s3cret", "***"));
        LogRecord record = new LogRecord(Level.WARNING, "Connecting to ''{0}'' failed");
        record.setParameters(new Object[] {"ws://127.0.0.1:1/ws?token=s3cret"});
        record.setLoggerName("org.glassfish.tyrus.client.ClientManager");
        record.setThrown(new java.io.IOException("refused: ws://127.0.0.1:1/ws?token=s3cret"));

        String err = stderrOf(() -> bridge.publish(record));

        assertThat(err).contains("WARN").contains("ClientManager")
                .contains("Connecting to 'ws://127.0.0.1:1/ws?token=***' failed")
                .contains("IOException: refused: ws://127.0.0.1:1/ws?token=***")
                .doesNotContain("s3cret");
    }

    @Test
    void theJulLevelLetsThroughWhatTheSlf4jLoggerWouldPrint() {
        // simplelogger.properties: warnings and errors by default
        assertThat(FrameworkLogging.julLevel(org.slf4j.LoggerFactory.getLogger("org.glassfish.tyrus")))
                .isEqualTo(Level.WARNING);
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
