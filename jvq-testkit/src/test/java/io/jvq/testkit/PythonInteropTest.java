package io.jvq.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The vendor's own Python example decodes a push with zlib.decompress(b, -zlib.MAX_WBITS); so must ours. */
class PythonInteropTest {
    private static final String DECODE = "import sys, zlib\n"
            + "data = open(sys.argv[1], 'rb').read()\n"
            + "sys.stdout.buffer.write(zlib.decompress(data, -zlib.MAX_WBITS))\n";

    @Test
    void theVendorsPythonDecoderReadsAPushedFrame(@TempDir Path dir) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        String text = PushTest.MOUTAI + "\n" + PushTest.PINGAN_TRADES + "\n";
        byte[] frame;
        try (FakeJvQuant server = FakeJvQuant.start(); WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519,lv2_000001");
            server.pushQuotes(text);
            frame = client.nextBinary().bytes();
        }
        Path bytes = Files.write(dir.resolve("frame.bin"), frame);
        Path script = Files.writeString(dir.resolve("decode.py"), DECODE);

        Process python = new ProcessBuilder("python3", script.toString(), bytes.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = python.getInputStream().readAllBytes();
        assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(python.exitValue()).isZero();
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import zlib").start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
