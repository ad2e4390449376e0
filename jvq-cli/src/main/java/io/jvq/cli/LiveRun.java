package io.jvq.cli;

import io.jvq.cli.output.EventWriter;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** What {@code stream} and {@code record} share: validate, connect, print until told to stop. */
final class LiveRun {
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
        return run(plan, tapFor, UnaryOperator.identity(), null);
    }

    /**
     * Like {@link #run(Plan, Function)}; {@code output} may replace the event writer (the bridge
     * publishes quotes instead of printing them), and {@code ending}, when not null, runs once the
     * client is closed, before the summary, and returns a line for the summary.
     */
    int run(Plan plan, Function<Runnable, FrameTap> tapFor, UnaryOperator<EventWriter> output,
            Supplier<String> ending) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StatusLog log = new StatusLog(err, plan.options().token()::redact);
        EventPrinter printer = new EventPrinter(output.apply(this.output.writer(out, environment)), out);
        QuoteSession session = new QuoteSession(plan.options(), plan.codes(), stop.duration, stop.limitOrZero(),
                printer, log);
        Transports.Ports ports = Transports.open(connect.transport);
        FrameTap tap = tapFor == null ? null : tapFor.apply(session::interrupt);
        QuoteSession.Outcome outcome = session.run(ports.socket(), ports.discovery(), tap, done -> {
            String more = ending == null ? null : ending.get();
            if (done.end() != QuoteSession.End.REFUSED) {
                log.info("summary: " + done.stats().summary());
                if (more != null) {
                    log.info(more);
                }
            }
        });
        if (outcome.end() == QuoteSession.End.REFUSED) {
            QuoteSession.Refusal refusal = outcome.refusal();
            // the URL goes last: a redactor hides everything after token= up to a blank
            throw new CliFailure(1, "discovery refused: code " + refusal.code() + ", "
                    + plan.options().token().redact(refusal.message()) + ", at " + refusal.redactedUrl());
        }
        return 0;
    }

    int run() throws InterruptedException {
        return run(plan(), null);
    }
}
