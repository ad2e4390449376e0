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

    /** Runs the session; {@code tap} sees every frame (may be null). Returns the exit code. */
    int run(Plan plan, FrameTap tap) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StatusLog log = new StatusLog(err, plan.options().token()::redact);
        EventPrinter printer = new EventPrinter(output.writer(out, environment), out);
        QuoteSession session = new QuoteSession(plan.options(), plan.codes(), stop.duration, stop.limitOrZero(),
                printer, log);
        Transports.Ports ports = Transports.open(connect.transport, plan.options());
        QuoteSession.Outcome outcome = session.run(ports.socket(), ports.discovery(), tap,
                done -> log.info("summary: " + done.stats().summary()));
        if (outcome.end() == QuoteSession.End.REFUSED) {
            QuoteSession.Refusal refusal = outcome.refusal();
            throw new CliFailure(1, "discovery refused by " + refusal.redactedUrl() + ": code " + refusal.code()
                    + ": " + plan.options().token().redact(refusal.message()));
        }
        return 0;
    }

    int run(FrameTap tap) throws InterruptedException {
        return run(plan(), tap);
    }
}
