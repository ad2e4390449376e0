package io.jvq.transport.tyrus;

import io.jvq.core.port.SocketConnection;
import io.jvq.core.port.SocketRequest;
import io.jvq.testkit.port.RecordingSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** Tyrus logs the request URL, token included, below INFO; a port keeps that out of the logs. */
class FrameworkLogCapTest {
    static final String TOKEN = "tok-LogCap-5e4d3c2b";

    private final Logger root = Logger.getLogger("");
    private final Logger tyrus = Logger.getLogger("org.glassfish.tyrus");
    private final Logger grizzly = Logger.getLogger("org.glassfish.grizzly");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeEach
    void logEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        tyrus.setLevel(null);
        grizzly.setLevel(null);
    }

    @AfterEach
    void restore() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        tyrus.setLevel(Level.INFO);
        grizzly.setLevel(Level.INFO);
    }

    @Test
    void withTheRootLoggerAtALLNoLogLineShowsTheToken() throws Exception {
        try (VertxTestServer server = VertxTestServer.plain(); TyrusSocketPort port = TyrusSocketPort.create()) {
            connectAndClose(server, port);
        }

        assertThat(tyrus.getLevel()).isEqualTo(Level.INFO);
        assertThat(logged).noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void withoutTheCapTyrusWouldLogTheToken() throws Exception {
        try (VertxTestServer server = VertxTestServer.plain();
             TyrusSocketPort port = TyrusSocketPort.builder().keepFrameworkLogLevels().build()) {
            connectAndClose(server, port);
        }

        assertThat(logged).anyMatch(line -> line.contains(TOKEN));
    }

    @Test
    void aLevelTheApplicationSetIsLeftAlone() {
        tyrus.setLevel(Level.FINE);

        TyrusSocketPort.create().close();

        assertThat(tyrus.getLevel()).isEqualTo(Level.FINE);
        assertThat(grizzly.getLevel()).isEqualTo(Level.INFO);
    }

    private void connectAndClose(VertxTestServer server, TyrusSocketPort port) throws Exception {
        RecordingSocketListener listener = new RecordingSocketListener();
        SocketConnection connection = port.connect(
                new SocketRequest(server.ws("/?token=" + TOKEN), Duration.ofSeconds(5), 1 << 20), listener)
                .get(10, TimeUnit.SECONDS);
        connection.sendText("hello").get(5, TimeUnit.SECONDS);
        listener.next(RecordingSocketListener.Text.class);
        connection.close(1000, "bye");
        listener.terminal();
    }
}
