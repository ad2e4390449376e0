package io.jvq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A jvq command line running in-process on a thread of its own, for commands that run until stopped. */
final class BackgroundRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Thread thread;

    private BackgroundRun(CliEnvironment environment, String... args) {
        thread = new Thread(() -> exitCode.set(JvqCli.run(environment, new PrintWriter(out, true),
                new PrintWriter(err, true), args)), "jvq-under-test");
        thread.setDaemon(true);
    }

    static BackgroundRun start(Map<String, String> env, String... args) {
        BackgroundRun run = new BackgroundRun(new CliEnvironment(env, false), args);
        run.thread.start();
        return run;
    }

    /** As if stdout were an interactive terminal. */
    static BackgroundRun startOnTerminal(String... args) {
        BackgroundRun run = new BackgroundRun(new CliEnvironment(Map.of("TERM", "xterm"), true), args);
        run.thread.start();
        return run;
    }

    static BackgroundRun start(String... args) {
        return start(Map.of(), args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Waits until stdout satisfies {@code condition}; fails with what was printed when it does not in time. */
    String awaitOut(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(out())) {
            if (!thread.isAlive()) {
                throw new AssertionError("jvq ended (exit " + exitCode.get() + ") before printing what was awaited;"
                        + "\nstdout: " + out() + "\nstderr: " + err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not printed within " + timeout + ";\nstdout: " + out() + "\nstderr: " + err());
            }
            Thread.sleep(20);
        }
        return out();
    }

    /** Asks the command to stop (as Ctrl-C would) and waits for it to end. */
    CliRun stop(Duration timeout) throws InterruptedException {
        thread.interrupt();
        return join(timeout);
    }

    /** Waits for the command to end by itself. */
    CliRun join(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionError("jvq did not end within " + timeout + ";\nstdout: " + out() + "\nstderr: " + err());
        }
        return new CliRun(exitCode.get(), out(), err());
    }
}
