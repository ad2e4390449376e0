package io.jvq.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, with this JVM's {@code java} and class path, spoken to in
 * lines over its standard input and output. Its standard error is this process's. It is expected to
 * end when its standard input closes, so that it cannot outlive the harness.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String name;

    private ChildJvm(Process process, String name) {
        this.process = process;
        this.name = name;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    public static ChildJvm start(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(),
                    main.getSimpleName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Reads the child's next line, which must start with {@code prefix}, and returns the rest of it. */
    public String expect(String prefix) {
        String line;
        try {
            line = out.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from " + name + " failed", e);
        }
        if (line == null) {
            throw new IllegalStateException(name + " ended (" + exitStatus() + ") instead of saying '" + prefix
                    + "…'; its standard error is above");
        }
        if (!line.startsWith(prefix)) {
            throw new IllegalStateException(name + " said '" + line + "', expected '" + prefix + "…'");
        }
        return line.substring(prefix.length());
    }

    /** Sends the child one line. */
    public void send(String line) {
        try {
            in.write(line + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " no longer reads its input (" + exitStatus() + ")", e);
        }
    }

    /** The child's CPU time so far, in nanoseconds, or -1 where the OS does not say. */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }

    /** The child's context switches so far ({@link MachineLoad#contextSwitches}), or -1. */
    public long contextSwitches() {
        return MachineLoad.contextSwitches(process.pid());
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "exit status " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Closes the child's standard input and waits for it to end, ending it if it does not within 20 s. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // It has gone already; waiting below tells.
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
