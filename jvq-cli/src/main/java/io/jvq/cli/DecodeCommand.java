package io.jvq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jvq decode}: a capture file, decoded offline, frame by frame. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode a capture file offline, frame by frame, as stream would have printed it.")
final class DecodeCommand implements Callable<Integer> {

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "FILE", arity = "1", description = "A capture file (jvq record --out, or a testkit fixture).")
    Path file;

    @Override
    public Integer call() {
        throw new CliFailure(1, "decode is not wired into the CLI yet");
    }
}
