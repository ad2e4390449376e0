package io.jvq.cli;

import io.jvq.cli.output.EventWriter;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.QuoteEvent;
import io.jvq.kafka.KafkaQuoteBridge;

import java.io.IOException;

/**
 * The output of {@code jvq bridge}: quotes go to Kafka (on the client's reader thread, so that a
 * full buffer pushes back as the bridge's policy says), server texts and decode errors to stdout.
 */
final class PublishingWriter implements EventWriter {
    private final KafkaQuoteBridge bridge;
    private final EventWriter others;

    PublishingWriter(KafkaQuoteBridge bridge, EventWriter others) {
        this.bridge = bridge;
        this.others = others;
    }

    @Override
    public void write(JvqEvent event) throws IOException {
        if (event instanceof QuoteEvent quote) {
            bridge.publish(quote);
        } else {
            others.write(event);
        }
    }

    @Override
    public void flush() throws IOException {
        others.flush();
    }
}
