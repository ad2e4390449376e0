package io.jvq.cli;

import io.jvq.cli.output.BoardScreen;
import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.LiveBoard;
import io.jvq.cli.output.StatusLog;
import io.jvq.cli.session.EventPrinter;
import io.jvq.cli.session.QuoteSession;
import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.ClientOptions;
import io.jvq.sim.MarketSimulator;
import io.jvq.testkit.FakeJvQuant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/** {@code jvq demo}: the whole path, offline: fake server, simulated market, a real client. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the fake jvQuant with a simulated market inside this process, connect a real client "
                + "to it over loopback, subscribe level 1 and level 2 for a handful of well-known codes and show "
                + "them live for 15 seconds (or until Ctrl-C), then a summary.",
                "On a terminal: a quote board and a trade tape; otherwise one line per event."})
final class DemoCommand implements Callable<Integer> {
    /** 贵州茅台, 平安银行, 宁德时代, 中国平安, 中芯国际 and 贵轮转债: the simulator knows their names and prices. */
    static final List<String> SYMBOLS = List.of("600519", "000001", "300750", "601318", "688981", "127063");
    /** Real and simulated time between two pushes. */
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration REDRAW = Duration.ofMillis(200);
    private static final int TAPE_LENGTH = 12;

    @ParentCommand
    JvqCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = Seconds.class, defaultValue = "15",
            description = "How long to run (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--limit", paramLabel = "N", converter = PositiveCount.class,
            description = "Stop after N quote events.")
    Long limit;

    @Option(names = "--transport", paramLabel = "vertx|tyrus|jdk", defaultValue = "vertx", converter = Choice.Transport.class,
            description = "The client's WebSocket stack (default: ${DEFAULT-VALUE}).")
    TransportKind transport;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the simulated market (default: a new one each run, shown in the header).")
    Long seed;

    static List<SubscriptionCode> codes() {
        List<SubscriptionCode> codes = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            codes.add(new SubscriptionCode(QuoteLevel.LV1, symbol));
            codes.add(new SubscriptionCode(QuoteLevel.LV2, symbol));
        }
        return codes;
    }

    @Override
    public Integer call() throws Exception {
        long marketSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 100_000);
        // a fresh token for this run: the client really authenticates, and nobody needs to know it
        String token = "demo-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean board = output.format == OutputFormat.TEXT && root.environment().terminal();

        try (FakeJvQuant server = FakeJvQuant.builder().token(token).start()) {
            MarketSimulator market = MarketSimulator.builder().seed(marketSeed).tickInterval(TICK).tradesPerTick(2)
                    .build();
            server.startFeed(market::nextTick, TICK);
            ClientOptions options = server.clientOptions().build();
            String title = "jvq demo · fake jvQuant on 127.0.0.1:" + server.port() + " · simulated market, seed "
                    + marketSeed;

            LiveBoard liveBoard = board ? new LiveBoard(LiveBoard.symbolsOf(codes()), output.palette(root.environment()),
                    TAPE_LENGTH) : null;
            AtomicReference<BoardScreen> screen = new AtomicReference<>();
            StatusLog log = board ? new StatusLog(line -> screen.get().status(line), options.token()::redact)
                    : new StatusLog(err, options.token()::redact);
            EventWriter writer = board ? liveBoard : output.writer(JvqCli.stdoutBytes(spec), root.environment());
            QuoteSession session = new QuoteSession(options, codes(), duration, limit == null ? 0 : limit,
                    new EventPrinter(writer, out), log);
            if (!board) {
                log.info(title);
            }

            if (board) {
                screen.set(BoardScreen.start(liveBoard, out, () -> title + " · "
                        + Math.max(0, duration.toMillis() - session.stats().elapsedMillis()) / 1000
                        + " s left · Ctrl-C to stop", REDRAW));
            }
            Transports.Ports ports = Transports.open(transport);
            QuoteSession.Outcome outcome = session.run(ports.socket(), ports.discovery(), null, done -> {
                if (board) {
                    screen.get().stop(title + " · done");
                }
                String summary = "summary: " + done.stats().summary();
                if (output.format == OutputFormat.TEXT) {
                    out.println();
                    out.println(output.palette(root.environment()).bold(summary));
                    out.flush();
                } else {
                    log.info(summary);
                }
            });
            if (outcome.end() == QuoteSession.End.SIGNALLED) {
                return LiveRun.EXIT_CTRL_C;
            }
        }
        return 0;
    }
}
