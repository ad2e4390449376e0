package io.jvq.core.codec;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.QuoteEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the decoder over generated frames: well-formed records survive
 * encode → deflate → decode unchanged, and no input makes it throw or lose the good lines.
 */
class CodecPropertiesTest {
    private static final int CAP = 4 << 20;
    private final FrameDecoder decoder = new FrameDecoder(CAP);

    @AfterProperty
    void close() {
        decoder.close();
    }

    /** One line's worth of records: same code, same kind. */
    record Group(List<QuoteEvent> records) {
        SubscriptionCode code() {
            return records.get(0).code();
        }
    }

    @Property(tries = 200)
    void wellFormedRecordsDecodeToEqualEvents(@ForAll("frames") List<Group> groups, @ForAll Random random) {
        String text = encode(groups, random);

        List<JvqEvent> events = Recorder.decode(decoder, WireText.deflate(text));

        assertThat(events).containsExactlyElementsOf(flatten(groups));
    }

    @Property(tries = 200)
    void goodLinesAroundBadOnesAreAllDelivered(@ForAll("frames") List<Group> groups,
                                               @ForAll("badLines") List<String> badLines, @ForAll Random random) {
        List<String> lines = new ArrayList<>();
        List<Object> expected = new ArrayList<>();   // the records, and DecodeError.class where a bad line goes
        int bad = 0;
        for (Group group : groups) {
            if (bad < badLines.size() && random.nextBoolean()) {
                lines.add(badLines.get(bad++));
                expected.add(DecodeError.class);
            }
            lines.add(encode(List.of(group), random).stripTrailing());
            expected.addAll(group.records());
        }
        for (; bad < badLines.size(); bad++) {
            lines.add(badLines.get(bad));
            expected.add(DecodeError.class);
        }

        List<JvqEvent> events = Recorder.decode(decoder, WireText.deflate(String.join("\n", lines)));

        List<Object> actual = new ArrayList<>();
        for (JvqEvent e : events) {
            actual.add(e instanceof DecodeError ? DecodeError.class : e);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        for (DecodeError error : Recorder.errors(events)) {
            assertThat(error.excerpt()).isNotEmpty().hasSizeLessThanOrEqualTo(DecodeError.MAX_EXCERPT);
            assertThat(error.reason()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void randomBytesNeverMakeDecodeThrow(@ForAll @Size(max = 600) byte[] bytes) {
        List<JvqEvent> raw = Recorder.decode(decoder, bytes);
        List<JvqEvent> inflated = Recorder.decode(decoder, WireText.deflate(bytes));

        assertThat(raw).allMatch(e -> e instanceof QuoteEvent || e instanceof DecodeError || e instanceof DecodeNotice);
        assertThat(inflated.size()).isGreaterThanOrEqualTo(nonEmptyLines(bytes));
    }

    @Property(tries = 300)
    void mutatedFramesNeverMakeDecodeThrow(@ForAll("frames") List<Group> groups, @ForAll Random random) {
        byte[] text = encode(groups, random).getBytes(StandardCharsets.UTF_8);
        byte[] mutatedText = mutate(text, random);
        byte[] mutatedDeflate = mutate(WireText.deflate(text), random);

        List<JvqEvent> fromText = Recorder.decode(decoder, WireText.deflate(mutatedText));
        List<JvqEvent> fromDeflate = Recorder.decode(decoder, mutatedDeflate);

        assertThat(fromText.size()).isGreaterThanOrEqualTo(nonEmptyLines(mutatedText));
        assertThat(fromDeflate).allMatch(e -> e instanceof QuoteEvent || e instanceof DecodeError || e instanceof DecodeNotice);
        assertThat(Recorder.decode(decoder, WireText.deflate(text))).containsExactlyElementsOf(flatten(groups));
    }

    @Property(tries = 50)
    void theDecoderStaysUsableAfterAnyFrame(@ForAll @Size(max = 200) byte[] junk) {
        decoder.decode(ByteBuffer.wrap(junk), new EventSink(e -> { }));

        assertThat(Recorder.decode(decoder, WireText.deflate(QuoteParserTest.MOUTAI_TRADES))).hasSize(2);
    }

    // ---- generators ----

    @Provide
    Arbitrary<List<Group>> frames() {
        return Arbitraries.oneOf(level1Group(), tradeGroup(), level10Group()).list().ofMinSize(1).ofMaxSize(12);
    }

    /** Lines that can never parse: no '=', an unknown flag, a bad number, a missing field. */
    @Provide
    Arbitrary<List<String>> badLines() {
        Arbitrary<String> noEquals = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u4e20')
                .excludeChars('=').ofMinLength(1).ofMaxLength(300);
        Arbitrary<String> unknownFlag = tradeGroup().map(g -> "lv9" + encodeGroup(g, new Random(1)).substring(3));
        Arbitrary<String> badNumber = Combinators.combine(tradeGroup(), Arbitraries.of("x", "1.2.3", "", "-", "9".repeat(25)))
                .as((g, junk) -> {
                    Level2Trade t = (Level2Trade) g.records().get(0);
                    return t.code().wire() + "=" + "09:30:00.000," + t.tradeId() + "," + junk + "," + t.quantity();
                });
        Arbitrary<String> missingField = level1Group().map(g -> {
            String line = g.code().wire() + "=" + WireText.snapshot((Level1Quote) g.records().get(0));
            return line.substring(0, line.lastIndexOf(','));
        });
        return Arbitraries.oneOf(noEquals, unknownFlag, badNumber, missingField).list().ofMaxSize(6);
    }

    private static Arbitrary<SubscriptionCode> code(QuoteLevel level) {
        return Combinators.combine(Arbitraries.integers().between(0, 999_999), Arbitraries.of(false, true))
                .as((digits, index) -> new SubscriptionCode(level, (index ? "i" : "") + String.format("%06d", digits)));
    }

    private static Arbitrary<Integer> wholeSeconds() {
        return Arbitraries.integers().between(0, 86_399).map(s -> s * 1000);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withCharRange('A', 'Z')
                .withChars(' ', '*', '=', '-', '.', ':').ofMaxLength(8);
    }

    private static Arbitrary<Long> prices() {
        return Arbitraries.longs().between(0, 100_000_000_000L);
    }

    private static Arbitrary<Long> quantities() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    private static Arbitrary<long[]> book(int size) {
        return Arbitraries.longs().between(0, 10_000_000_000L).array(long[].class).ofSize(size);
    }

    private static Arbitrary<Group> level1Group() {
        Arbitrary<Level1Quote> quote = Combinators.combine(code(QuoteLevel.LV1), wholeSeconds(), names(), prices(),
                Arbitraries.longs().between(-1_000_000, 1_000_000), quantities(),
                Arbitraries.longs().between(0, 900_000_000_000_000_000L), book(20))
                .as(Level1Quote::new);
        return Combinators.combine(code(QuoteLevel.LV1), quote.list().ofMinSize(1).ofMaxSize(3))
                .as((code, quotes) -> new Group(quotes.stream().<QuoteEvent>map(q -> new Level1Quote(code,
                        q.timeOfDayMillis(), q.name(), q.price(), q.changePercent(), q.volume(), q.amount(), q.book()))
                        .toList()));
    }

    private static Arbitrary<Group> tradeGroup() {
        Arbitrary<Level2Trade> trade = Combinators.combine(code(QuoteLevel.LV2),
                Arbitraries.integers().between(0, 86_399_999), quantities(), prices(), quantities())
                .as(Level2Trade::new);
        return Combinators.combine(code(QuoteLevel.LV2), trade.list().ofMinSize(1).ofMaxSize(6))
                .as((code, trades) -> new Group(trades.stream().<QuoteEvent>map(t -> new Level2Trade(code,
                        t.timeOfDayMillis(), t.tradeId(), t.price(), t.quantity())).toList()));
    }

    private static Arbitrary<Group> level10Group() {
        return Combinators.combine(code(QuoteLevel.LV10), wholeSeconds(), names(), prices(), prices(),
                Arbitraries.longs().between(0, 900_000_000_000_000_000L), quantities(), book(40))
                .as((code, time, name, price, lastClose, amount, volume, book) ->
                        new Group(List.of(new Level10Book(code, time, name, price, lastClose, amount, volume, book))));
    }

    // ---- encoding and mutation ----

    /** Lines joined by '\n' or "\r\n", blank lines here and there, decimals with 0-4 places, trades in either order. */
    private static String encode(List<Group> groups, Random random) {
        StringBuilder text = new StringBuilder();
        for (Group group : groups) {
            if (random.nextInt(8) == 0) {
                text.append('\n');
            }
            text.append(encodeGroup(group, random)).append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return text.toString();
    }

    private static String encodeGroup(Group group, Random random) {
        StringBuilder line = new StringBuilder(group.code().wire()).append('=');
        for (int i = 0; i < group.records().size(); i++) {
            QuoteEvent record = group.records().get(i);
            line.append(i == 0 ? "" : "|");
            if (record instanceof Level1Quote q) {
                line.append(WireText.snapshot(q, () -> random.nextInt(5)));
            } else if (record instanceof Level2Trade t) {
                line.append(WireText.trade(t, random.nextBoolean(), random.nextInt(5)));
            } else {
                line.append(WireText.book((Level10Book) record, () -> random.nextInt(5)));
            }
        }
        return line.toString();
    }

    private static List<QuoteEvent> flatten(List<Group> groups) {
        List<QuoteEvent> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.records()));
        return all;
    }

    /** Overwrites, inserts or deletes a few random bytes. */
    private static byte[] mutate(byte[] bytes, Random random) {
        List<Byte> out = new ArrayList<>(bytes.length + 8);
        for (byte b : bytes) {
            out.add(b);
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.size());
            switch (random.nextInt(3)) {
                case 0 -> out.set(at, (byte) random.nextInt(256));
                case 1 -> out.add(at, (byte) random.nextInt(256));
                default -> out.remove(at);
            }
        }
        byte[] result = new byte[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    /** Lines that are not empty once a trailing '\r' is dropped: each must yield a record or an error. */
    private static int nonEmptyLines(byte[] text) {
        int count = 0;
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == '\n') {
                int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                if (end > start) {
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }
}
