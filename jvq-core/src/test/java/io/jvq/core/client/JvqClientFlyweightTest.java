package io.jvq.core.client;

import io.jvq.core.FixedPoint;
import io.jvq.core.codec.Level10View;
import io.jvq.core.codec.Level1View;
import io.jvq.core.codec.QuoteSink;
import io.jvq.core.codec.TradeView;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ListenerFailure;
import io.jvq.core.event.QuoteEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The zero-allocation path through the client: quotes go to a QuoteSink as views, not to the listener. */
class JvqClientFlyweightTest extends ClientTestSupport {

    /** Copies what it reads out of each view, as a user's flyweight handler would. */
    private static final class TradeTape implements QuoteSink {
        final List<String> trades = new ArrayList<>();
        final List<DecodeError> errors = new ArrayList<>();
        RuntimeException failWith;

        @Override
        public void onTrade(TradeView trade) {
            if (failWith != null) {
                throw failWith;
            }
            trades.add(trade.code() + " #" + trade.tradeId() + " " + trade.quantity() + "@" + FixedPoint.format(trade.price()));
        }

        @Override
        public void onLevel1(Level1View quote) {
        }

        @Override
        public void onLevel10(Level10View book) {
        }

        @Override
        public void onError(DecodeError error) {
            errors.add(error);
        }
    }

    private final TradeTape tape = new TradeTape();

    private JvqClient flyweightClient() {
        client = JvqClient.builder().options(options().build()).socket(socket).discovery(discovery)
                .listener(events).quoteSink(tape).build();
        return client;
    }

    @Test
    void quotesAndDecodeErrorsGoToTheSinkAndNotToTheListener() {
        flyweightClient();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();

        connection.pushLines("lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300\n"
                + "lv2_600519=not a trade\n"
                + "lv2_000001=09:30:01.005,77,10.01,500");

        assertThat(tape.trades).containsExactly(
                "lv2_600519 #1234567 100@1700.50", "lv2_600519 #1234568 300@1700.49", "lv2_000001 #77 500@10.01");
        assertThat(tape.errors).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("lv2_600519"));
        assertThat(events.ofType(QuoteEvent.class)).isEmpty();
        assertThat(events.ofType(DecodeError.class)).isEmpty();
        assertThat(client.stats().quoteEvents()).isEqualTo(3);
        assertThat(client.stats().decodeErrors()).isEqualTo(1);
    }

    @Test
    void aSinkThatThrowsIsReportedToTheListenerWithTheRecordAndTheStreamContinues() {
        flyweightClient();
        FakeSocketPort.FakeConnection connection = startAndAwaitConnected();
        IllegalStateException bug = new IllegalStateException("strategy bug");
        tape.failWith = bug;

        connection.pushLines("lv2_600519=09:30:00.120,1234567,1700.50,100");
        tape.failWith = null;
        connection.pushLines("lv2_600519=09:30:00.121,1234568,1700.51,200");

        ListenerFailure failure = events.await(ListenerFailure.class, 1).get(0);
        assertThat(failure.error()).isSameAs(bug);
        assertThat(failure.event()).isEqualTo(new Level2Trade(LV2_600519, 34_200_120, 1234567, FixedPoint.of("1700.50"), 100));
        assertThat(tape.trades).containsExactly("lv2_600519 #1234568 200@1700.51");
        assertThat(client.isConnected()).isTrue();
        assertThat(client.stats().listenerFailures()).isEqualTo(1);
    }

    @Test
    void aSinkCannotBeCombinedWithABoundedHandOffBecauseViewsDoNotOutliveTheCall() {
        assertThatThrownBy(() -> JvqClient.builder().options(options().build()).socket(socket).discovery(discovery)
                .quoteSink(tape).dispatch(Dispatch.bounded(16, OverflowPolicy.DROP_OLDEST)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bounded dispatch");
    }
}
