package io.jvq.cli.it;

import io.jvq.testkit.FakeJvQuant;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C (SIGINT) ends {@code jvq stream} with exit 130, as a shell user expects, after its summary. */
class CtrlCIT {
    private static final String TOKEN = "ctrl-c-token-31";

    @Test
    void ctrlCExitsWith130AfterTheSummary() throws Exception {
        Path err = Files.createTempFile("jvq-ctrl-c-", ".err");
        try (FakeJvQuant server = FakeJvQuant.builder().token(TOKEN).start()) {
            Process jvq = new ProcessBuilder(JarProcess.java().toString(), "-jar", JarProcess.jar().toString(),
                    "stream", "--token", TOKEN, "--discovery-url", server.discoveryUrl().toString(), "lv1_600519")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            try {
                server.takeCommand(Duration.ofSeconds(30));
                awaitText(err, "jvq: connected to", Duration.ofSeconds(30));

                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(jvq.pid())).start();
                assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

                assertThat(jvq.waitFor(30, TimeUnit.SECONDS)).as("jvq ended after SIGINT").isTrue();
                assertThat(jvq.exitValue()).as("stderr: %s", read(err)).isEqualTo(130);
                assertThat(read(err)).contains("jvq: summary:");
            } finally {
                jvq.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static void awaitText(Path file, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!read(file).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw '" + text + "': " + read(file));
            }
            Thread.sleep(50);
        }
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
