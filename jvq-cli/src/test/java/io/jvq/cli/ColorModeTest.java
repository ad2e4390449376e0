package io.jvq.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColorModeTest {

    @Test
    void autoColoursOnlyOnATerminal() {
        assertThat(ColorMode.AUTO.enabled(new CliEnvironment(Map.of("TERM", "xterm"), true))).isTrue();
        assertThat(ColorMode.AUTO.enabled(new CliEnvironment(Map.of("TERM", "xterm"), false))).isFalse();
    }

    @Test
    void autoRespectsNoColorAndDumbTerminals() {
        assertThat(ColorMode.AUTO.enabled(new CliEnvironment(Map.of("NO_COLOR", "1"), true))).isFalse();
        assertThat(ColorMode.AUTO.enabled(new CliEnvironment(Map.of("TERM", "dumb"), true))).isFalse();
    }

    @Test
    void alwaysAndNeverOverrideTheTerminal() {
        assertThat(ColorMode.ALWAYS.enabled(new CliEnvironment(Map.of(), false))).isTrue();
        assertThat(ColorMode.NEVER.enabled(new CliEnvironment(Map.of(), true))).isFalse();
    }
}
