package io.jvq.cli.it;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The vendor's own Python example, as published, against {@code java -jar jvq.jar serve}: it
 * subscribes with {@code all=lv2_600519,lv1_000001} and inflates binary frames with
 * {@code zlib.decompress(message, -zlib.MAX_WBITS)}. Skipped where no Python with the
 * websocket-client package ({@code apt-get install python3-websocket}) is installed.
 */
class VendorPythonExampleIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern WEBSOCKET = Pattern.compile("websocket: (ws://127\\.0\\.0\\.1:\\d+/\\S+)\\?token=\\*\\*\\*");

    /** The first Python on hand that has the websocket-client package, or null. */
    private static String pythonWithWebsocketClient() throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(python, "-c", "import websocket").redirectErrorStream(true).start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return python;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        return null;
    }

    /** Lines a process prints, as they come. */
    private static BlockingQueue<String> lines(Process process, String name) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process went away
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, Pattern pattern, List<String> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + WAIT + "; seen: " + seen);
    }

    @Test
    void theVendorsPythonExampleRunsUnchangedAgainstServe() throws Exception {
        String python3 = pythonWithWebsocketClient();
        assumeTrue(python3 != null, "no python3 with the websocket-client package is installed");
        Path script = Files.createTempFile("jvq-vendor-", ".py");
        try (var in = VendorPythonExampleIT.class.getResourceAsStream("/vendor/python_example.py")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder serveCommand = new ProcessBuilder(JarProcess.java().toString(), "-jar",
                JarProcess.jar().toString(), "serve", "--token", "vendor-example-token", "--interval", "200",
                "--duration", "120").redirectError(ProcessBuilder.Redirect.DISCARD);
        Process serve = serveCommand.start();
        Process python = null;
        try {
            List<String> seen = new java.util.ArrayList<>();
            Matcher url = WEBSOCKET.matcher(awaitLine(lines(serve, "serve-stdout"), WEBSOCKET, seen));
            assertThat(url.find()).isTrue();

            ProcessBuilder pythonCommand = new ProcessBuilder(python3, script.toString(),
                    url.group(1) + "?token=vendor-example-token").redirectErrorStream(true);
            pythonCommand.environment().putAll(Map.of("PYTHONUNBUFFERED", "1", "PYTHONIOENCODING", "utf-8"));
            python = pythonCommand.start();
            BlockingQueue<String> printed = lines(python, "python-stdout");
            List<String> pythonSaw = new java.util.ArrayList<>();

            awaitLine(printed, Pattern.compile("Text响应: all ok: lv2_600519,lv1_000001"), pythonSaw);
            String quotes = awaitLine(printed, Pattern.compile("Binary响应: lv1_000001=.*平安银行"), pythonSaw);
            assertThat(quotes).matches(".*Binary响应: lv1_000001=\\d\\d:\\d\\d:\\d\\d,平安银行,\\d+\\.\\d\\d,.*");
            awaitLine(printed, Pattern.compile("(^|Binary响应: )lv2_600519=\\d\\d:\\d\\d:\\d\\d\\.\\d{3},\\d+,"), pythonSaw);
        } finally {
            if (python != null) {
                python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
            serve.destroyForcibly();
            Files.deleteIfExists(script);
        }
    }
}
