package io.jvq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jvq demo}: the whole path, offline: fake server, simulated market, a real client. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the fake jvQuant with a simulated market in this process, connect a real client over "
                + "loopback and show live quotes and trades for about 15 seconds (or until Ctrl-C).")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliFailure(1, "demo is not wired into the CLI yet");
    }
}
