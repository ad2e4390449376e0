package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import io.jvq.core.json.EventJson;
import io.jvq.core.json.Utf8Buffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one writer of the line grammar: what it writes, the parser reads back to the same values, for
 * every record kind, from events and from the flyweight views; and writing a view allocates nothing.
 */
class QuoteLineWriterTest {
    private final QuoteLineWriter writer = new QuoteLineWriter();
    private final Utf8Buffer out = new Utf8Buffer(64);

    @Property(tries = 300)
    void everyQuoteWrittenFromItsEventParsesBackToTheSameEvent(@ForAll("quotes") QuoteEvent quote) {
        out.clear();
        writer.write(out, quote);

        assertThat(parse(out.toString())).containsExactly(quote);
    }

    @Property(tries = 300)
    void everyQuoteWrittenFromItsViewParsesBackToTheSameEvent(@ForAll("quotes") QuoteEvent quote) {
        out.clear();
        writer.write(out, quote);
        byte[] line = out.toString().getBytes(StandardCharsets.UTF_8);
        Utf8Buffer fromView = new Utf8Buffer(16);
        new QuoteParser().parse(line, 0, line.length, new ViewSink() {
            @Override
            void view(Object view) {
                if (view instanceof Level1View q) {
                    writer.write(fromView, q);
                } else if (view instanceof TradeView t) {
                    writer.write(fromView, t);
                } else {
                    writer.write(fromView, (Level10View) view);
                }
            }
        });

        assertThat(fromView.toString()).isEqualTo(out.toString());
        assertThat(parse(fromView.toString())).containsExactly(quote);
    }

    /** The JSON schema written from the views (the Kafka bridge's {@code json} values) is the events'. */
    @Property(tries = 200)
    void jsonWrittenFromAViewIsTheJsonOfItsEvent(@ForAll("quotes") QuoteEvent quote) {
        out.clear();
        writer.write(out, quote);
        byte[] line = out.toString().getBytes(StandardCharsets.UTF_8);
        Utf8Buffer json = new Utf8Buffer(16);
        new QuoteParser().parse(line, 0, line.length, new ViewSink() {
            @Override
            void view(Object view) {
                if (view instanceof Level1View q) {
                    EventJson.write(q, json);
                } else if (view instanceof TradeView t) {
                    EventJson.write(t, json);
                } else {
                    EventJson.write((Level10View) view, json);
                }
            }
        });

        assertThat(json.toString()).isEqualTo(EventJson.toJson(quote));
    }

    @Test
    void aTradeIsTheVendorsText() {
        writer.write(out, new Level2Trade(SubscriptionCode.parse("lv2_600519"), 34_200_120, 8812, 17_005_000, 100));

        assertThat(out).hasToString("lv2_600519=09:30:00.120,8812,1700.50,100");
    }

    @Test
    void aLevel1SnapshotIsTheVendorsTextWithEmptyLevelsAsZeros() {
        long[] book = new long[20];
        book[0] = 300;
        book[1] = 17_004_900;   // b1: 300 at 1700.49
        writer.write(out, new Level1Quote(SubscriptionCode.parse("lv1_600519"), 53_999_000, "贵州茅台", 17_005_000,
                -12_300, 12_345_678, 209_876_543_215_000L, book));

        assertThat(out).hasToString("lv1_600519=14:59:59,贵州茅台,1700.50,-1.23,12345678,20987654321.50,300,1700.49"
                + ",0,0".repeat(9));
    }

    @Test
    void theSimulatorsThreeDecimalsAndZeroPricesAreKept() {
        Utf8Buffer text = new Utf8Buffer(16);
        QuoteLineWriter.price(text, 1_500_000, 3);
        text.ascii(' ');
        QuoteLineWriter.price(text, 0, 3);
        text.ascii(' ');
        QuoteLineWriter.decimal(text, 0, 2);
        text.ascii(' ');
        QuoteLineWriter.decimal(text, 1, 2);
        text.ascii(' ');
        QuoteLineWriter.decimal(text, -1_230_000, 0);
        text.ascii(' ');
        QuoteLineWriter.decimal(text, Long.MIN_VALUE, 2);

        assertThat(text).hasToString("150.000 0 0.00 0.0001 -123 " + FixedPoint.format(Long.MIN_VALUE));
    }

    @Test
    void aNameHoldingASeparatorIsRefused() {
        long[] book = new long[20];
        Level1Quote quote = new Level1Quote(SubscriptionCode.parse("lv1_600519"), 0, "a,b", 1, 0, 0, 0, book);

        assertThatThrownBy(() -> writer.write(out, quote)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("separator");
    }

    /** Counts this thread's allocated bytes, as the other allocation tests: no object per record at all. */
    @Test
    void writingLevel1AndTradeViewsAllocatesNothing() {
        String text = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50" + ",100,1700.49".repeat(10)
                + "\nlv2_600519=09:30:00.120,8812,1700.50,100|09:30:00.130,8813,1700.49,300";
        byte[] frame = text.getBytes(StandardCharsets.UTF_8);
        QuoteParser parser = new QuoteParser();
        long[] written = new long[1];
        QuoteSink sink = new ViewSink() {
            @Override
            void view(Object view) {
                out.clear();
                if (view instanceof Level1View q) {
                    writer.write(out, q);
                } else {
                    writer.write(out, (TradeView) view);
                }
                written[0] += out.length();
            }
        };
        for (int i = 0; i < 20_000; i++) {   // warm up: interpreter, C1, C2
            parser.parse(frame, 0, frame.length, sink);
        }
        int rounds = 10_000;
        written[0] = 0;
        long before = allocatedBytes();
        for (int i = 0; i < rounds; i++) {
            parser.parse(frame, 0, frame.length, sink);
        }
        long allocated = allocatedBytes() - before;

        long records = 3L * rounds;
        assertThat(written[0]).isEqualTo(rounds * (long) (frame.length - 1 - "|".length() + "lv2_600519=".length()));
        assertThat((double) allocated / records).as("bytes allocated per record (%d for %d)", allocated, records)
                .isLessThan(1.0);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static List<JvqEvent> parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<JvqEvent> events = new ArrayList<>();
        new QuoteParser().parse(bytes, 0, bytes.length, new ViewSink() {
            @Override
            void view(Object view) {
                events.add(view instanceof Level1View q ? q.toEvent()
                        : view instanceof TradeView t ? t.toEvent() : ((Level10View) view).toEvent());
            }

            @Override
            public void onError(DecodeError error) {
                events.add(error);
            }
        });
        return events;
    }

    /** Every view to one method. */
    private abstract static class ViewSink implements QuoteSink {
        abstract void view(Object view);

        @Override
        public void onLevel1(Level1View quote) {
            view(quote);
        }

        @Override
        public void onTrade(TradeView trade) {
            view(trade);
        }

        @Override
        public void onLevel10(Level10View book) {
            view(book);
        }

        @Override
        public void onError(DecodeError error) {
            throw new AssertionError(error.toString());
        }
    }

    // ---- generators: any value the grammar holds ----

    @Provide
    Arbitrary<QuoteEvent> quotes() {
        return Arbitraries.oneOf(level1(), trade(), level10());
    }

    private static Arbitrary<SubscriptionCode> code(QuoteLevel level) {
        return Combinators.combine(Arbitraries.integers().between(0, 999_999), Arbitraries.of(false, true))
                .as((digits, index) -> new SubscriptionCode(level, (index ? "i" : "") + String.format("%06d", digits)));
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withCharRange('A', 'Z')
                .withChars(' ', '*', '=', '-', '.', ':').ofMaxLength(8);
    }

    private static Arbitrary<Long> prices() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 100_000_000_000L), Arbitraries.of(0L, 1L, 10L, 100L, 1000L));
    }

    private static Arbitrary<Long> quantities() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    private static Arbitrary<long[]> book(int size) {
        return Arbitraries.longs().between(0, 10_000_000_000L).array(long[].class).ofSize(size);
    }

    private static Arbitrary<QuoteEvent> level1() {
        return Combinators.combine(code(QuoteLevel.LV1), Arbitraries.integers().between(0, 86_399).map(s -> s * 1000),
                names(), prices(), Arbitraries.longs().between(-1_000_000, 1_000_000), quantities(),
                Arbitraries.longs().between(0, 900_000_000_000_000_000L), book(20))
                .as(Level1Quote::new);
    }

    private static Arbitrary<QuoteEvent> trade() {
        return Combinators.combine(code(QuoteLevel.LV2), Arbitraries.integers().between(0, 86_399_999), quantities(),
                prices(), quantities())
                .as(Level2Trade::new);
    }

    private static Arbitrary<QuoteEvent> level10() {
        return Combinators.combine(code(QuoteLevel.LV10), Arbitraries.integers().between(0, 86_399).map(s -> s * 1000),
                names(), prices(), prices(), Arbitraries.longs().between(0, 900_000_000_000_000_000L), quantities(),
                book(40))
                .as(Level10Book::new);
    }
}
