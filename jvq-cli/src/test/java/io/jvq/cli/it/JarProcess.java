package io.jvq.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built jar (or the ./jvq script) run as a separate process, as a user would run it. */
final class JarProcess {
    /** target/jvq.jar, as passed by the failsafe configuration. */
    static Path jar() {
        String jar = System.getProperty("jvq.jar");
        if (jar == null) {
            throw new IllegalStateException("system property jvq.jar is not set: run this through failsafe (mvn verify)");
        }
        return Path.of(jar);
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code java -jar target/jvq.jar args…} to its end. */
    static Result runJar(Duration timeout, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return run(command, jar().getParent(), timeout, env);
    }

    /** Runs {@code java jvmOptions… -jar target/jvq.jar args…} to its end. */
    static Result runJar(Duration timeout, List<String> jvmOptions, Map<String, String> env, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java().toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        return run(command, jar().getParent(), timeout, env);
    }

    static Result run(List<String> command, Path directory, Duration timeout, Map<String, String> env)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("jvq-it-", ".out");
        Path err = Files.createTempFile("jvq-it-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("JVQ_TOKEN");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not end within " + timeout + "; stderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
