package io.jvq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jvq stream}: connect to jvQuant for real and print quotes as they come. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Connect to jvQuant and print quotes as they come, reconnecting as the library does.",
                "Quotes go to stdout; connection state to stderr."})
final class StreamCommand implements Callable<Integer> {

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

    @Mixin
    KafkaSourceOptions kafka;

    @Mixin
    CandleOptions candles;

    @Option(names = "--board",
            description = "On a terminal, a live board instead of lines: each code's latest snapshot, a sparkline of "
                    + "its one-minute closes and its current bar (from lv2_ trades), and the latest trades. "
                    + "Plain lines when stdout is not a terminal or the format is json.")
    boolean board;

    @Parameters(paramLabel = "CODE", arity = "1..*", split = ",",
            description = "Subscription codes: lv1_, lv2_ or lv10_ and a six-digit symbol, e.g. lv1_600519 lv2_000001.")
    List<String> codes;

    @Override
    public Integer call() throws Exception {
        if (kafka.enabled(spec)) {
            if (board || candles.enabled()) {
                throw new ParameterException(spec.commandLine(), "--board and --candles are not available with --from-kafka");
            }
            return new KafkaStreamRun(root.environment(), spec, kafka, output, stop, codes).run();
        }
        return new LiveRun(root.environment(), spec, connect, output, stop, codes).candles(candles).board(board).run();
    }
}
