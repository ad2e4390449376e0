package io.jvq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad codes and options: exit 2, one line on stderr naming what was wrong, nothing on stdout. */
class UsageErrorsTest {
    private static final Map<String, String> WITH_TOKEN = Map.of(JvqCli.TOKEN_VARIABLE, "s3cr3t-token");

    private static void assertUsageError(CliRun run, String command, String... named) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith(command + ": ").contains(named);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lv3_600519, unknown quote flag 'lv3'",
            "lv1_60051, symbol must be six digits",
            "600519, expected <flag>_<symbol>",
            "lv2_abcdef, symbol must be six digits",
    })
    void badSubscriptionCodeIsNamed(String code, String why) {
        CliRun run = CliRun.run(WITH_TOKEN, "stream", "lv1_000001", code);
        assertUsageError(run, "jvq stream", "'" + code + "'", why);
    }

    @Test
    void badCodeInACommaSeparatedListIsNamedToo() {
        CliRun run = CliRun.run(WITH_TOKEN, "record", "--out", "x.jvqcap", "lv1_600519,lv2_12345");
        assertUsageError(run, "jvq record", "'lv2_12345'");
    }

    @Test
    void streamNeedsAtLeastOneCode() {
        assertUsageError(CliRun.run(WITH_TOKEN, "stream"), "jvq stream", "CODE");
    }

    @Test
    void streamNeedsAToken() {
        assertUsageError(CliRun.run("stream", "lv1_600519"), "jvq stream", "--token", "JVQ_TOKEN");
    }

    @Test
    void blankTokenIsRefused() {
        assertUsageError(CliRun.run("stream", "--token", " ", "lv1_600519"), "jvq stream", "--token is blank");
        assertUsageError(CliRun.run(Map.of(JvqCli.TOKEN_VARIABLE, ""), "stream", "lv1_600519"),
                "jvq stream", "JVQ_TOKEN is blank");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "--transport, okhttp, '--transport'",
            "--format, xml, '--format'",
            "--color, sometimes, '--color'",
            "--duration, -1, '-1' is not a positive number of seconds",
            "--duration, soon, 'soon' is not a number of seconds",
            "--limit, 0, '0' must be at least 1",
            "--limit, many, 'many' is not a whole number",
            "--discovery-url, ftp://jvquant.com/server, invalid --discovery-url 'ftp://jvquant.com/server'",
            "--discovery-url, not a url, invalid --discovery-url",
            "--market, a&b, invalid --market 'a&b'",
    })
    void badStreamOptionIsNamed(String option, String value, String named) {
        assertUsageError(CliRun.run(WITH_TOKEN, "stream", option, value, "lv1_600519"), "jvq stream", named);
    }

    @Test
    void enumOptionsListTheirChoicesInLowerCase() {
        CliRun run = CliRun.run(WITH_TOKEN, "stream", "--transport", "okhttp", "lv1_600519");
        assertThat(run.err()).contains("vertx").contains("tyrus").contains("jdk").contains("'okhttp'");
    }

    @Test
    void recordNeedsAnOutputFile() {
        assertUsageError(CliRun.run(WITH_TOKEN, "record", "lv1_600519"), "jvq record", "--out");
    }

    @Test
    void decodeNeedsAFile() {
        assertUsageError(CliRun.run("decode"), "jvq decode", "FILE");
    }

    @Test
    void unknownCommandAndMissingCommand() {
        assertUsageError(CliRun.run("strem", "lv1_600519"), "jvq", "strem");
        assertUsageError(CliRun.run(), "jvq", "missing a command");
    }

    @Test
    void unknownOptionIsNamed() {
        assertUsageError(CliRun.run(WITH_TOKEN, "stream", "--bogus", "lv1_600519"), "jvq stream", "--bogus");
    }

    @Test
    void theTokenNeverAppearsInAnErrorMessage() {
        CliRun viaOption = CliRun.run("stream", "--token", "s3cr3t-token", "--transport", "s3cr3t-token", "lv1_600519");
        assertThat(viaOption.exitCode()).isEqualTo(2);
        assertThat(viaOption.err()).contains("'***'").doesNotContain("s3cr3t-token");

        CliRun viaEnvironment = CliRun.run(WITH_TOKEN, "stream", "lv1_s3cr3t-token");
        assertThat(viaEnvironment.exitCode()).isEqualTo(2);
        assertThat(viaEnvironment.err()).contains("lv1_***").doesNotContain("s3cr3t-token");

        CliRun viaEquals = CliRun.run("stream", "--token=s3cr3t-token", "--format", "s3cr3t-token", "lv1_600519");
        assertThat(viaEquals.err()).doesNotContain("s3cr3t-token");
    }
}
