package io.jvq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jvq serve}: the fake jvQuant on its own, for programs in any language. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the fake jvQuant server (discovery + WebSocket) and print its URLs.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliFailure(1, "serve is not wired into the CLI yet");
    }
}
