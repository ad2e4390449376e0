package io.jvq.cli;

import io.jvq.cli.output.EventWriter;
import io.jvq.cli.output.StatusLog;
import io.jvq.cli.session.EventPrinter;
import io.jvq.cli.session.SessionStats;
import io.jvq.cli.session.StopSignal;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.client.QuoteListener;
import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.QuoteEvent;
import io.jvq.kafka.KafkaQuoteSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code jvq stream --from-kafka}: the output of {@code stream}, read from the topics a bridge
 * fills, filtered to the codes asked for; stops on the same conditions (duration, limit, Ctrl-C,
 * stdout gone) and ends with the same summary.
 */
final class KafkaStreamRun {
    private final CliEnvironment environment;
    private final CommandSpec spec;
    private final KafkaSourceOptions kafka;
    private final OutputOptions output;
    private final StopOptions stop;
    private final List<String> codes;

    KafkaStreamRun(CliEnvironment environment, CommandSpec spec, KafkaSourceOptions kafka, OutputOptions output,
                   StopOptions stop, List<String> codes) {
        this.environment = environment;
        this.spec = spec;
        this.kafka = kafka;
        this.output = output;
        this.stop = stop;
        this.codes = codes;
    }

    int run() throws InterruptedException {
        List<SubscriptionCode> parsed = Codes.parse(spec, codes);
        PrintWriter out = spec.commandLine().getOut();
        StatusLog log = new StatusLog(spec.commandLine().getErr());
        EventPrinter printer = new EventPrinter(output.writer(JvqCli.stdoutBytes(spec), environment), out);
        SessionStats stats = new SessionStats();
        try (StopSignal signal = new StopSignal()) {
            Printing listener = new Printing(printer, stats, log, stop.limitOrZero(), signal);
            KafkaQuoteSource source = source(parsed, listener);
            try {
                source.start();
                signal.await(stop.duration);
            } finally {
                listener.stopped = true;
                source.close();
                printer.close();
                stats.end();
            }
            log.info("summary: " + stats.summary());
        }
        return 0;
    }

    private KafkaQuoteSource source(List<SubscriptionCode> parsed, QuoteListener listener) {
        try {
            KafkaQuoteSource.Builder builder = KafkaQuoteSource.builder()
                    .bootstrapServers(kafka.bootstrap)
                    .topicPrefix(kafka.topicsPrefix)
                    .codes(parsed)
                    .startAt(kafka.startOrLatest())
                    .listener(listener);
            if (kafka.group != null) {
                builder.groupId(kafka.group);
            }
            return builder.build();
        } catch (IllegalArgumentException | org.apache.kafka.common.KafkaException e) {
            throw new ParameterException(spec.commandLine(), "cannot read from --from-kafka '" + kafka.bootstrap
                    + "': " + e.getMessage());
        }
    }

    /** Prints data events, logs connection events, and stops at the limit or when stdout goes away. */
    private static final class Printing implements QuoteListener {
        private final EventPrinter printer;
        private final SessionStats stats;
        private final StatusLog log;
        private final long limit;
        private final StopSignal signal;
        private final AtomicLong quotes = new AtomicLong();
        volatile boolean stopped;

        Printing(EventPrinter printer, SessionStats stats, StatusLog log, long limit, StopSignal signal) {
            this.printer = printer;
            this.stats = stats;
            this.log = log;
            this.limit = limit;
            this.signal = signal;
        }

        @Override
        public void onEvent(JvqEvent event) {
            if (event instanceof ConnectionEvent change) {
                stats.count(change);
                if (!stopped) {
                    log.connection(change);
                }
                return;
            }
            if (event instanceof ListenerFailure failure) {
                log.listenerFailure(failure);
                return;
            }
            if (!EventWriter.isData(event) || stopped) {
                return;
            }
            long n = event instanceof QuoteEvent ? quotes.incrementAndGet() : 0;
            if (limit > 0 && n > limit) {
                return;
            }
            stats.count(event);
            // a Kafka record is its own frame: each line is flushed as it comes
            if (!printer.print(event) || !printer.endOfFrame() || (limit > 0 && n == limit)) {
                stopped = true;
                signal.stop();
            }
        }
    }
}
