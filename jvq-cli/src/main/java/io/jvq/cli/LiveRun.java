package io.jvq.cli;

import io.jvq.cli.output.BoardScreen;
import io.jvq.cli.output.CandleEventWriter;
import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.LiveBoard;
import io.jvq.cli.output.StatusLog;
import io.jvq.cli.session.EventPrinter;
import io.jvq.cli.session.FrameTap;
import io.jvq.cli.session.QuoteSession;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.core.codec.QuoteSink;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/** What {@code stream} and {@code record} share: validate, connect, print until told to stop. */
final class LiveRun {
    /** 128 + SIGINT, what a shell reports for a program that Ctrl-C ended. */
    static final int EXIT_CTRL_C = 130;
    private static final Duration REDRAW = Duration.ofMillis(200);
    private static final int TAPE_LENGTH = 12;

    private final CliEnvironment environment;
    private final CommandSpec spec;
    private final ConnectOptions connect;
    private final OutputOptions output;
    private final StopOptions stop;
    private final List<String> codes;
    private CandleOptions candles;
    private boolean board;
    private QuoteSink quoteSink;

    LiveRun(CliEnvironment environment, CommandSpec spec, ConnectOptions connect, OutputOptions output,
            StopOptions stop, List<String> codes) {
        this.environment = environment;
        this.spec = spec;
        this.connect = connect;
        this.output = output;
        this.stop = stop;
        this.codes = codes;
    }

    /** Prints candlesticks instead of quotes when {@code candles} names a period. */
    LiveRun candles(CandleOptions candles) {
        this.candles = candles;
        return this;
    }

    /** Quotes go to {@code sink} as views (the Kafka bridge) instead of being printed; everything else is printed. */
    LiveRun quotesTo(QuoteSink sink) {
        this.quoteSink = sink;
        return this;
    }

    /** Shows a live board instead of lines when stdout is a terminal and the format is text. */
    LiveRun board(boolean board) {
        this.board = board;
        return this;
    }

    /** The options, checked: a bad code or flag is a usage error before anything connects. */
    Plan plan() {
        if (board && candles != null && candles.enabled()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--board and --candles cannot be combined: the board shows one-minute bars itself");
        }
        List<SubscriptionCode> parsed = Codes.parse(spec, codes);
        ClientOptions options = connect.clientOptions(spec, environment);
        return new Plan(options, parsed);
    }

    record Plan(ClientOptions options, List<SubscriptionCode> codes) {
    }

    /**
     * Runs the session and returns the exit code. {@code tapFor} is given a way to end the session
     * and returns the tap that sees every frame (or null).
     */
    int run(Plan plan, Function<Runnable, FrameTap> tapFor) throws InterruptedException {
        return run(plan, tapFor, null);
    }

    /**
     * Like {@link #run(Plan, Function)}; {@code ending}, when not null, runs once the client is
     * closed, before the summary, and returns a line for the summary.
     */
    int run(Plan plan, Function<Runnable, FrameTap> tapFor, Supplier<String> ending) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean onBoard = board && output.format == OutputFormat.TEXT && environment.terminal();
        AtomicReference<BoardScreen> screen = new AtomicReference<>();
        StatusLog log = onBoard ? new StatusLog(line -> screen.get().status(line), plan.options().token()::redact)
                : new StatusLog(err, plan.options().token()::redact);
        LiveBoard liveBoard = onBoard
                ? new LiveBoard(LiveBoard.symbolsOf(plan.codes()), output.palette(environment), TAPE_LENGTH) : null;
        EventWriter writer = onBoard ? liveBoard : output.writer(JvqCli.stdoutBytes(spec), environment);
        CandleEventWriter bars = candles != null && candles.enabled()
                ? candles.writer(output, environment, out, writer) : null;
        EventPrinter printer = new EventPrinter(bars != null ? bars : writer, out);
        QuoteSession session = new QuoteSession(plan.options(), plan.codes(), stop.duration, stop.limitOrZero(),
                printer, log).giveUpAfter(stop.giveUpAfter);
        if (quoteSink != null) {
            session.quotesTo(quoteSink);
        }
        String title = "jvq " + spec.name() + " · " + plan.codes().size() + " codes";
        if (onBoard) {
            screen.set(BoardScreen.start(liveBoard, out, () -> title + " · " + session.stats().elapsedMillis() / 1000
                    + " s · Ctrl-C to stop", REDRAW));
        }
        Transports.Ports ports = Transports.open(connect.transport);
        FrameTap tap = tapFor == null ? null : tapFor.apply(session::interrupt);
        QuoteSession.Outcome outcome = session.run(ports.socket(), ports.discovery(), tap, done -> {
            if (onBoard) {
                screen.get().stop(title + " · done");
            }
            if (bars != null) {
                finish(bars, log);
            }
            String more = ending == null ? null : ending.get();
            if (done.end() != QuoteSession.End.REFUSED && done.end() != QuoteSession.End.GAVE_UP) {
                log.info("summary: " + done.stats().summary());
                if (more != null) {
                    log.info(more);
                }
            }
        });
        if (outcome.end() == QuoteSession.End.REFUSED) {
            QuoteSession.Refusal refusal = outcome.refusal();
            if (refusal.redactedUrl() == null) {
                throw new CliFailure(1, plan.options().token().redact(refusal.message()));
            }
            // the URL goes last: a redactor hides everything after token= up to a blank
            throw new CliFailure(1, "discovery refused: code " + refusal.code() + ", "
                    + plan.options().token().redact(refusal.message()) + ", at " + refusal.redactedUrl());
        }
        if (outcome.end() == QuoteSession.End.GAVE_UP) {
            throw new CliFailure(1, "no connection for " + Seconds.text(session.giveUpAfter())
                    + " (--give-up-after): giving up");
        }
        return outcome.end() == QuoteSession.End.SIGNALLED ? EXIT_CTRL_C : 0;
    }

    /** The bars still open when the session ends, partial, then how many bars were printed. */
    private static void finish(CandleEventWriter bars, StatusLog log) {
        try {
            bars.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info(bars.summary());
    }

    int run() throws InterruptedException {
        return run(plan(), null);
    }
}
