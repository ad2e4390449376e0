package io.jvq.cli;

import io.jvq.capture.CaptureHeader;
import io.jvq.capture.CaptureWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** {@code jvq record}: stream, and write every frame both ways to a capture file. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Do what stream does, and write every frame received and every command sent to a capture "
                + "file in the capture format (jvq-capture/CAPTURE-FORMAT.md): replay it with "
                + "jvq serve --fixture, decode it with jvq decode."})
final class RecordCommand implements Callable<Integer> {

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Mixin
    StopOptions stop;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The capture file to write (replaced if it exists), e.g. today.jsonl.")
    Path out;

    @Parameters(paramLabel = "CODE", arity = "1..*", split = ",",
            description = "Subscription codes, e.g. lv1_600519 lv2_000001.")
    List<String> codes;

    @Override
    public Integer call() throws Exception {
        LiveRun live = new LiveRun(root.environment(), spec, connect, output, stop, codes);
        LiveRun.Plan plan = live.plan();
        CaptureHeader header = new CaptureHeader(CaptureHeader.CURRENT_VERSION, plan.options().market(),
                Instant.now(), "jvq record", plan.codes());
        CaptureWriter capture;
        try {
            capture = CaptureWriter.create(out, header);
        } catch (IOException e) {
            throw new CliFailure(1, "cannot write " + out + ": " + e);
        }
        AtomicReference<RecordingTap> tap = new AtomicReference<>();
        int exitCode;
        try (capture) {
            exitCode = live.run(plan, stopSession -> {
                tap.set(new RecordingTap(capture, stopSession));
                return tap.get();
            });
        }
        IOException failure = tap.get() == null ? null : tap.get().failure();
        if (failure != null) {
            throw new CliFailure(1, "cannot write " + out + ": " + failure + " (recording stopped there)");
        }
        return exitCode;
    }
}
