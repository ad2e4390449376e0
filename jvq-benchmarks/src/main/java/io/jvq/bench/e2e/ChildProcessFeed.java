package io.jvq.bench.e2e;

import io.jvq.core.client.ClientOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A {@link PacedFeedMain} in a child JVM, its send log mapped from a temporary file. */
public final class ChildProcessFeed implements PacedFeed {
    /** The server's heap: the ring and the fake's buffers need far less. */
    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m");

    private final ChildJvm child;
    private final Path logFile;
    private final SendLog log;
    private final ClientOptions options;

    private ChildProcessFeed(ChildJvm child, Path logFile, SendLog log, ClientOptions options) {
        this.child = child;
        this.logFile = logFile;
        this.log = log;
        this.options = options;
    }

    public static ChildProcessFeed start(int rate, int frameBytes) {
        Path logFile;
        try {
            logFile = Files.createTempFile("jvq-send-log-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the send log's file", e);
        }
        ChildJvm child = ChildJvm.start(JVM_OPTIONS, PacedFeedMain.class,
                List.of("rate=" + rate, "frameBytes=" + frameBytes, "log=" + logFile));
        try {
            int port = Integer.parseInt(child.expect(PacedFeedMain.PORT));
            return new ChildProcessFeed(child, logFile, SendLog.open(logFile), ClientRig.optionsForFake(port));
        } catch (RuntimeException | Error e) {
            child.close();
            deleteQuietly(logFile);
            throw e;
        }
    }

    @Override
    public ClientOptions clientOptions() {
        return options;
    }

    @Override
    public SendLog log() {
        return log;
    }

    @Override
    public void startPacing() {
        child.send(PacedFeedMain.GO);
        child.expect(PacedFeedMain.PACING);
    }

    @Override
    public void stopPacing() {
        child.send(PacedFeedMain.STOP);
        child.expect(PacedFeedMain.STOPPED);
    }

    @Override
    public long serverCpuNanos() {
        return child.cpuNanos();
    }

    @Override
    public long serverContextSwitches() {
        return child.contextSwitches();
    }

    @Override
    public void close() {
        try {
            child.close();
        } finally {
            deleteQuietly(logFile);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is harmless.
        }
    }
}
