package io.jvq.cli;

import io.jvq.capture.Capture;
import io.jvq.capture.CaptureFormatException;
import io.jvq.capture.ReplaySpeed;
import io.jvq.cli.output.StatusLog;
import io.jvq.cli.session.StopSignal;
import io.jvq.sim.MarketSimulator;
import io.jvq.testkit.ClientCommand;
import io.jvq.testkit.FakeJvQuant;
import io.jvq.testkit.Replay;
import io.jvq.testkit.ReplayRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jvq serve}: the fake jvQuant on its own, for programs in any language. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the testkit's fake jvQuant (discovery endpoint and quote WebSocket) on 127.0.0.1 and "
                + "print its URLs, feeding quotes from the market simulator or replaying a capture.",
                "The WebSocket path is fixed, so any WebSocket client can connect to the printed URL directly "
                        + "(the vendor's Python and Go examples included); the token is shown as ***."})
final class ServeCommand implements Callable<Integer> {
    /** The replay running, once the first client has subscribed; read when the server stops. */
    private volatile Replay replay;

    private static final List<String> SIMULATOR_OPTIONS =
            List.of("--seed", "--interval", "--trades-per-tick", "--start-time");

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "Port to listen on (default: 0, any free port).")
    int port;

    @Option(names = "--token", paramLabel = "T", defaultValue = FakeJvQuant.DEFAULT_TOKEN,
            description = "The token the server accepts (default: ${DEFAULT-VALUE}).")
    String token;

    @Option(names = "--market", paramLabel = "M", defaultValue = FakeJvQuant.DEFAULT_MARKET,
            description = "The market flag discovery accepts (default: ${DEFAULT-VALUE}).")
    String market;

    @Option(names = "--fixture", paramLabel = "FILE",
            description = "Replay this capture (jvq record --out) once the first client has subscribed, "
                    + "instead of simulating a market.")
    Path fixture;

    @Option(names = "--speed", paramLabel = "X",
            description = "Replay speed with --fixture: 1 = as recorded (default), 10 = ten times faster, 0 = no waiting.")
    BigDecimal speed;

    @Option(names = "--rate", paramLabel = "TRADES_PER_SECOND",
            description = "With --fixture: send the capture's quote frames paced by level-2 trades at this rate, "
                    + "whatever their recorded times (a load test's feed), instead of by the recorded clock.")
    Long rate;

    @Option(names = "--loop",
            description = "With --rate: send the capture's frames over and over until the server stops.")
    boolean loop;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Simulator: seed of the market's random walk (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--interval", paramLabel = "MILLIS", defaultValue = "1000",
            description = "Simulator: a tick every MILLIS ms of real and simulated time (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--trades-per-tick", paramLabel = "N", defaultValue = "3",
            description = "Simulator: trades per security per tick (default: ${DEFAULT-VALUE}).")
    int tradesPerTick;

    @Option(names = "--start-time", paramLabel = "HH:MM[:SS]", defaultValue = "09:30",
            description = "Simulator: the market clock's start (default: ${DEFAULT-VALUE}, the open).")
    String startTime;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Stop after this many seconds (default: run until Ctrl-C).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        Optional<Capture> capture = fixture == null ? Optional.empty() : Optional.of(readFixture());
        MarketSimulator simulated = capture.isPresent() ? null : simulator();
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "invalid --port " + port + ": expected 0 to 65535");
        }
        if (token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--token is blank");
        }
        PrintWriter out = spec.commandLine().getOut();
        StatusLog log = new StatusLog(spec.commandLine().getErr(), text -> text.replace(token, "***"));
        FakeJvQuant server;
        try {
            server = FakeJvQuant.builder().port(port).token(token).market(market()).rotatePaths(false).start();
        } catch (RuntimeException e) {
            throw new CliFailure(1, "cannot listen on 127.0.0.1:" + port + ": " + rootMessage(e));
        }
        // closed in reverse order: the server first, then the Ctrl-C hook is let go
        try (StopSignal stop = new StopSignal(); FakeJvQuant running = server) {
            out.println("fake jvQuant listening on 127.0.0.1:" + running.port());
            out.println("discovery: " + running.discoveryUrl() + "?market=" + running.market()
                    + "&type=websocket&token=***");
            out.println("websocket: " + running.webSocketUrl() + "?token=***");
            out.flush();
            if (simulated != null) {
                running.startFeed(simulated::nextTick, Duration.ofMillis(intervalMillis));
                log.info("simulated market (seed " + seed + "), a tick every " + intervalMillis + " ms");
            }
            Thread commands = new Thread(() -> watchCommands(running, capture.orElse(null), log),
                    "jvq-serve-commands");
            commands.setDaemon(true);
            commands.start();
            try {
                stop.await(duration);
            } catch (InterruptedException e) {
                // being interrupted is being asked to stop, like Ctrl-C
                log.info("interrupted");
            }
            commands.interrupt();
            // its last lines (a replay starting or finishing) come before ours
            commands.join(Duration.ofSeconds(5).toMillis());
            Replay current = replay;
            if (current != null && !current.done().isDone()) {
                log.info("stopping the replay: " + sent(current));
            }
            log.info("stopping");
        }
        return 0;
    }

    private String market() {
        if (market.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--market is blank");
        }
        return market;
    }

    /** What a replay sent, and at what rate it actually went. */
    private static String sent(Replay replay) {
        double seconds = replay.elapsed().toNanos() / 1e9;
        return replay.entriesPlayed() + " entries, " + replay.tradesSent() + " trades in "
                + String.format(java.util.Locale.ROOT, "%.3f s (%.0f trades/s)", seconds,
                seconds > 0 ? replay.tradesSent() / seconds : 0.0);
    }

    /** Logs each client command; with a fixture, starts the replay on the first one (a subscription). */
    private void watchCommands(FakeJvQuant server, Capture capture, StatusLog log) {
        boolean replaying = false;
        while (!Thread.currentThread().isInterrupted() && !server.isClosed()) {
            Optional<ClientCommand> command;
            try {
                command = server.pollCommand(Duration.ofMillis(250));
            } catch (IllegalStateException interrupted) {
                return;
            }
            if (command.isEmpty()) {
                continue;
            }
            log.info("client #" + command.get().connectionId() + " sent " + command.get().text());
            if (capture != null && !replaying) {
                replaying = true;
                if (rate != null) {
                    ReplayRate replayRate = ReplayRate.tradesPerSecond(rate);
                    replay = server.replay(capture, loop ? replayRate.looping() : replayRate);
                    log.info("replaying " + fixture + " (" + capture.entries().size() + " entries) at " + replayRate
                            + (loop ? ", looping" : ""));
                } else {
                    ReplaySpeed replaySpeed = replaySpeed();
                    replay = server.replay(capture, replaySpeed);
                    log.info("replaying " + fixture + " (" + capture.entries().size() + " entries, " + replaySpeed + ")");
                }
                Replay started = replay;
                started.done().whenComplete((done, error) -> log.info((error == null
                        ? "replay finished: " : "replay stopped: " + error.getMessage() + "; ") + sent(started)));
            }
        }
    }

    private Capture readFixture() {
        for (String option : SIMULATOR_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(),
                        "--fixture replays a capture: it cannot be combined with " + option);
            }
        }
        if (rate != null && speed != null) {
            throw new ParameterException(spec.commandLine(), "--rate and --speed cannot be combined: "
                    + "--rate paces by trades, --speed by the recorded clock");
        }
        if (rate != null && (rate < 1 || rate > ReplayRate.MAX_TRADES_PER_SECOND)) {
            throw new ParameterException(spec.commandLine(), "invalid --rate " + rate + ": expected 1 to "
                    + ReplayRate.MAX_TRADES_PER_SECOND + " trades per second");
        }
        if (loop && rate == null) {
            throw new ParameterException(spec.commandLine(), "--loop needs --rate");
        }
        if (speed != null && speed.signum() < 0) {
            throw new ParameterException(spec.commandLine(), "invalid --speed " + speed + ": expected 0 or more");
        }
        if (!Files.isRegularFile(fixture)) {
            throw new CliFailure(1, "cannot read " + fixture + ": no such file");
        }
        try {
            return Capture.read(fixture);
        } catch (CaptureFormatException e) {
            throw new CliFailure(1, "not a capture: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliFailure(1, "cannot read " + fixture + ": " + e.getCause());
        }
    }

    private ReplaySpeed replaySpeed() {
        if (speed == null || speed.compareTo(BigDecimal.ONE) == 0) {
            return ReplaySpeed.asRecorded();
        }
        return speed.signum() == 0 ? ReplaySpeed.asFastAsPossible() : ReplaySpeed.scaled(speed.doubleValue());
    }

    private MarketSimulator simulator() {
        for (String option : List.of("--speed", "--rate", "--loop")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), option + " only applies to --fixture");
            }
        }
        if (tradesPerTick < 0 || tradesPerTick > 10_000) {
            throw new ParameterException(spec.commandLine(),
                    "invalid --trades-per-tick " + tradesPerTick + ": expected 0 to 10000");
        }
        if (intervalMillis < 1 || intervalMillis > 3_600_000) {
            throw new ParameterException(spec.commandLine(),
                    "invalid --interval " + intervalMillis + ": expected 1 to 3600000 ms");
        }
        LocalTime start;
        try {
            start = LocalTime.parse(startTime);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    "invalid --start-time '" + startTime + "': expected HH:MM or HH:MM:SS");
        }
        try {
            return MarketSimulator.builder().seed(seed).startTime(start).tickInterval(Duration.ofMillis(intervalMillis))
                    .tradesPerTick(tradesPerTick).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
