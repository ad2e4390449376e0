package io.jvq.core.client;

import io.jvq.core.event.ConnectionEvent;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Listeners written as lambdas, on a real client with fake ports. */
class QuoteListenerLambdaTest extends ClientTestSupport {

    @Test
    void aLambdaPerEventKindSeesOnlyItsKind() {
        List<Level2Trade> trades = new ArrayList<>();
        List<Level1Quote> quotes = new ArrayList<>();
        List<DecodeError> errors = new ArrayList<>();
        List<String> connection = new ArrayList<>();
        QuoteListener listener = QuoteListener.onTrades(trades::add)
                .andThen(QuoteListener.onLevel1Quotes(quotes::add))
                .andThen(QuoteListener.onDecodeErrors(errors::add))
                .andThen(QuoteListener.onConnectionEvents(e -> connection.add(e.getClass().getSimpleName())))
                .andThen(events);
        client = JvqClient.builder().options(options().build()).socket(socket).discovery(discovery)
                .listener(listener).build();
        client.start();
        FakeSocketPort.FakeConnection wire = socket.awaitConnection(1);
        events.await(ConnectionEvent.Connected.class, 1);

        wire.pushLines("lv2_600519=09:30:00.120,7,1700.50,100", "lv2_600519=garbage");

        assertThat(trades).extracting(Level2Trade::tradeId).containsExactly(7L);
        assertThat(quotes).isEmpty();
        assertThat(errors).hasSize(1);
        assertThat(connection).containsExactly("Discovering", "Connecting", "Connected");
    }

    @Test
    void onEventsTakesEverything() {
        List<JvqEvent> all = new ArrayList<>();
        QuoteListener listener = QuoteListener.onEvents(all::add);

        listener.onEvent(new ConnectionEvent.Closed());

        assertThat(all).containsExactly(new ConnectionEvent.Closed());
    }
}
