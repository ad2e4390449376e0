package io.jvq.core.codec;

import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level1Quote;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jvq.core.codec.QuoteParserTest.MOUTAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flyweight views read like their events, and {@link EventSink} turns them into those events. */
class ViewsTest {

    @Test
    void aLevel1ViewReadsLikeItsEvent() {
        List<String> seen = new ArrayList<>();
        QuoteSink sink = new QuoteSink() {
            @Override
            public void onLevel1(Level1View q) {
                Level1Quote event = q.toEvent();
                seen.add(q.name());
                assertThat(q.name()).isSameAs(q.name());
                assertThat(event.name()).isEqualTo(q.name());
                assertThat(event.price()).isEqualTo(q.price());
                assertThat(event.changePercent()).isEqualTo(q.changePercent());
                assertThat(event.volume()).isEqualTo(q.volume());
                assertThat(event.amount()).isEqualTo(q.amount());
                for (int level = 1; level <= 5; level++) {
                    assertThat(q.bidPrice(level)).isEqualTo(event.bidPrice(level));
                    assertThat(q.bidQuantity(level)).isEqualTo(event.bidQuantity(level));
                    assertThat(q.askPrice(level)).isEqualTo(event.askPrice(level));
                    assertThat(q.askQuantity(level)).isEqualTo(event.askQuantity(level));
                }
                assertThat(q).hasToString(event.toString());
                assertThatThrownBy(() -> q.bidPrice(6)).isInstanceOf(IndexOutOfBoundsException.class)
                        .hasMessage("level 6 is not in 1..5");
            }

            @Override
            public void onTrade(TradeView trade) {
                throw new AssertionError();
            }

            @Override
            public void onLevel10(Level10View book) {
                throw new AssertionError();
            }

            @Override
            public void onError(DecodeError error) {
                throw new AssertionError(error);
            }
        };
        String text = MOUTAI + "\n" + MOUTAI.replace("贵州茅台", "茅台B");

        new QuoteParser().parse(WireText.utf8(text), 0, WireText.utf8(text).length, sink);

        assertThat(seen).containsExactly("贵州茅台", "茅台B");
    }

    @Test
    void theEventSinkPassesErrorsOnInOrder() {
        List<JvqEvent> events = Recorder.parse("oops\n" + MOUTAI + "\nlv2_600519=x");

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(DecodeError.class);
        assertThat(events.get(1)).isInstanceOf(Level1Quote.class);
        assertThat(((DecodeError) events.get(2)).code()).isEqualTo("lv2_600519");
    }
}
