package io.jvq.cli;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureFormatException;
import io.jvq.cli.output.CandleEventWriter;
import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.StatusLog;
import io.jvq.cli.session.SessionStats;
import io.jvq.core.client.ClientOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jvq decode}: a capture file, decoded offline, frame by frame. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode a capture file (jvq record --out, or a testkit fixture) offline, frame by frame, "
                + "as stream would have printed it.",
                "Commands sent and connection faults in the capture go to stderr."})
final class DecodeCommand implements Callable<Integer> {

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    CandleOptions candles;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The capture file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(1, "cannot read " + file + ": no such file");
        }
        Capture capture;
        try {
            capture = Capture.read(file);
        } catch (CaptureFormatException e) {
            // names the file and the line
            throw new CliFailure(1, "not a capture: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliFailure(1, "cannot read " + file + ": " + e.getCause());
        }
        PrintWriter out = spec.commandLine().getOut();
        StatusLog log = new StatusLog(spec.commandLine().getErr());
        SessionStats stats = new SessionStats();
        EventWriter writer = output.writer(JvqCli.stdoutBytes(spec), root.environment());
        // the candles' wall clock: when each entry was received, if the capture says when it started
        CaptureClock clock = capture.header().recordedAt() == null ? null
                : new CaptureClock(capture.header().recordedAt());
        CandleEventWriter bars = candles.enabled() ? candles.writer(output, root.environment(), out, writer, clock)
                : null;
        new CaptureDecoder(bars != null ? bars : writer, log, stats, ClientOptions.DEFAULT_MAX_INFLATED_BYTES)
                .clock(clock).decode(capture);
        if (bars != null) {
            bars.finish();
            log.info(bars.summary());
        }
        stats.end();
        log.info("decoded " + capture.entries().size() + " entries: " + stats.events() + " events ("
                + stats.level1() + " lv1, " + stats.trades() + " lv2, " + stats.level10() + " lv10), "
                + stats.serverTexts() + " server texts, " + stats.decodeErrors() + " decode errors");
        return 0;
    }
}
