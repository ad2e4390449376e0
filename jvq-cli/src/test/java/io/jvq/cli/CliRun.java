package io.jvq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the jvq command line, through picocli, with its stdout, stderr and exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = JvqCli.run(new CliEnvironment(env, false), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** stderr lines, without the trailing empty one. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }
}
