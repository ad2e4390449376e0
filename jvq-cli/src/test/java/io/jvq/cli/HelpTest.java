package io.jvq.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "stream", "record", "serve", "decode");
    }

    @Test
    void streamHelpDocumentsItsOptionsAndDefaults() {
        CliRun run = CliRun.run("stream", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--token", "JVQ_TOKEN", "--market", "default: ab", "--discovery-url",
                "http://jvQuant.com/server", "--transport", "--format", "--duration", "--limit", "CODE");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("jvq ");
    }
}
