package io.jvq.cli.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar and the ./jvq script, run as separate processes after {@code package}. */
class JarIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void jarRunsOnItsOwnAndKnowsItsVersion() throws Exception {
        JarProcess.Result run = JarProcess.runJar(TIMEOUT, Map.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("jvq \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void badCodeExitsWithTwoAndOneLineNamingIt() throws Exception {
        JarProcess.Result run = JarProcess.runJar(TIMEOUT, Map.of("JVQ_TOKEN", "it-secret"), "stream", "lv1_60051x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("'lv1_60051x'").doesNotContain("it-secret");
    }

    @Test
    void demoFromTheJarShowsQuotesAndASummary() throws Exception {
        JarProcess.Result run = JarProcess.runJar(TIMEOUT, Map.of(), "demo", "--duration", "45", "--limit", "30");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d 600519 贵州茅台 \\d+\\.\\d\\d")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\d{6} trade #\\d+ ")
                .contains("summary: 30 events");
        assertThat(run.err()).contains("jvq: connected to 127.0.0.1:").doesNotContain("Exception");
    }

    @Test
    void tyrusAndGrizzlyLogsShowWhenAskedForWithTheTokenHidden() throws Exception {
        JarProcess.Result run = JarProcess.runJar(TIMEOUT, List.of("-Dorg.slf4j.simpleLogger.log.org.glassfish=debug"),
                Map.of(), "demo", "--transport", "tyrus", "--duration", "45", "--limit", "5");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).contains("DEBUG").containsPattern("(?i)tyrus").containsPattern("(?i)grizzly")
                .doesNotContainPattern("token=(?!\\*\\*\\*)");
    }

    @Test
    void scriptRunsTheJarWithoutRebuildingWhenItIsFresh() throws Exception {
        Path jar = JarProcess.jar();
        Path root = jar.getParent().getParent().getParent();
        Path script = root.resolve("jvq");
        assertThat(script).isExecutable();
        FileTime before = Files.getLastModifiedTime(jar);

        JarProcess.Result run = JarProcess.run(List.of(script.toString(), "--version"), root, TIMEOUT, Map.of());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).startsWith("jvq ");
        assertThat(run.err()).doesNotContain("building");
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(before);
    }
}
