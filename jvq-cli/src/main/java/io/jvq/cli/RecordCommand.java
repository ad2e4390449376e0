package io.jvq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jvq record}: stream, and write every frame both ways to a capture file. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Do what stream does, and write every frame received and every command sent to a capture "
                + "file (the testkit's format: replay it with jvq serve --fixture or jvq decode)."})
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

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The capture file to write.")
    Path out;

    @Parameters(paramLabel = "CODE", arity = "1..*", split = ",",
            description = "Subscription codes, e.g. lv1_600519 lv2_000001.")
    List<String> codes;

    @Override
    public Integer call() throws Exception {
        LiveRun live = new LiveRun(root.environment(), spec, connect, output, stop, codes);
        LiveRun.Plan plan = live.plan();
        throw new CliFailure(1, "recording is not wired into the CLI yet (" + plan.codes().size() + " codes)");
    }
}
