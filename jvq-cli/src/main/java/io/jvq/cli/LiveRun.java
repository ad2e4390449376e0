package io.jvq.cli;

import io.jvq.cli.output.StatusLog;
import io.jvq.cli.session.EventPrinter;
import io.jvq.cli.session.FrameTap;
import io.jvq.cli.session.QuoteSession;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** What {@code stream} and {@code record} share: validate, connect, print until told to stop. */
final class LiveRun {
    /** 128 + SIGINT, what a shell reports for a program that Ctrl-C ended. */
    static final int EXIT_CTRL_C = 130;

    private final CliEnvironment environment;
    private final CommandSpec spec;
    private final ConnectOptions connect;
    private final OutputOptions output;
    private final StopOptions stop;
    private final List<String> codes;

    LiveRun(CliEnvironment environment, CommandSpec spec, ConnectOptions connect, OutputOptions output,
            StopOptions stop, List<String> codes) {
        this.environment = environment;
        this.spec = spec;
        this.connect = connect;
        this.output = output;
        this.stop = stop;
        this.codes = codes;
    }

    /** The options, checked: a bad code or flag is a usage error before anything connects. */
    Plan plan() {
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StatusLog log = new StatusLog(err, plan.options().token()::redact);
        EventPrinter printer = new EventPrinter(output.writer(out, environment), out);
        QuoteSession session = new QuoteSession(plan.options(), plan.codes(), stop.duration, stop.limitOrZero(),
                printer, log).giveUpAfter(stop.giveUpAfter);
        Transports.Ports ports = Transports.open(connect.transport);
        FrameTap tap = tapFor == null ? null : tapFor.apply(session::interrupt);
        QuoteSession.Outcome outcome = session.run(ports.socket(), ports.discovery(), tap, done -> {
            if (done.end() != QuoteSession.End.REFUSED && done.end() != QuoteSession.End.GAVE_UP) {
                log.info("summary: " + done.stats().summary());
            }
        });
        if (outcome.end() == QuoteSession.End.REFUSED) {
            QuoteSession.Refusal refusal = outcome.refusal();
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

    int run() throws InterruptedException {
        return run(plan(), null);
    }
}
