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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the frame decoder and the lv1/lv2/lv10 grammar with damaged input: truncated lines and
 * frames, extra separators, bytes that are not UTF-8, huge numbers, huge lines, random edits,
 * corrupted DEFLATE data and decompression bombs. Whatever comes in, no exception escapes the
 * decoder, every damaged line is reported, and the good lines around it are delivered unchanged.
 *
 * <p>Each property runs {@code jvq.fuzz.tries} tries (a system property; 300 by default, the fast
 * slice that runs in CI). The long run: {@code ./mvnw -B -pl jvq-core verify -Dtest=CodecFuzzTest
 * -Djvq.fuzz.tries=167000} (6 properties: 1,002,000 inputs). The count is printed at the end.
 */
@AddLifecycleHook(value = CodecFuzzTest.FuzzTries.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class CodecFuzzTest {
    static final String TRIES_PROPERTY = "jvq.fuzz.tries";
    static final int DEFAULT_TRIES = 300;
    private static final int CAP = 1 << 20;
    private static final int BOMB_CAP = 16 * 1024;
    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong PROPERTIES = new AtomicLong();

    private final FrameDecoder decoder = new FrameDecoder(CAP);
    private final FrameDecoder bombDecoder = new FrameDecoder(BOMB_CAP);

    /** Sets every property's tries from {@code -Djvq.fuzz.tries}. */
    public static final class FuzzTries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES));
            PROPERTIES.incrementAndGet();
            return property.execute();
        }
    }

    @AfterProperty
    void closeDecoders() {
        decoder.close();
        bombDecoder.close();
    }

    @AfterContainer
    static void report() {
        System.out.println("jvq fuzz: " + INPUTS.get() + " fuzzed inputs decoded by " + PROPERTIES.get()
                + " properties (" + Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES) + " tries each); "
                + "no exception escaped");
    }

    /** A line as the server writes it, holding exactly one record, and that record. */
    record Line(String text, QuoteEvent record) {
        QuoteLevel level() {
            return record.code().level();
        }
    }

    /** Damage that always makes a one-record line bad. */
    enum Damage { TRUNCATED, EMPTY_FIELD, EXPONENT, NOT_UTF8, HUGE_NUMBER, HUGE_LINE, SPLIT_BY_BAR }

    // ---- properties --------------------------------------------------------------------------

    @Property(shrinking = ShrinkingMode.OFF)
    void aDamagedLineIsReportedAndTheGoodLinesAroundItAreDelivered(
            @ForAll long seed, @ForAll Damage damage) {
        Random random = new Random(seed);
        List<Line> before = lines(random);
        Line victim = line(random);
        List<Line> after = lines(random);
        byte[] damaged = damage(victim, damage, random);

        List<JvqEvent> events = decode(decoder, WireText.deflate(frame(before, damaged, after)));

        List<JvqEvent> middle = between(events, records(before), records(after));
        assertThat(middle).as("what the damaged line gave").isNotEmpty()
                .hasAtLeastOneElementOfType(DecodeError.class);
        if (damage != Damage.SPLIT_BY_BAR) {
            assertThat(middle).as("one damaged record, one report").hasSize(1);
        }
        for (DecodeError error : Recorder.errors(middle)) {
            assertThat(error.reason()).isNotBlank();
            assertThat(error.excerpt()).isNotEmpty().hasSizeLessThanOrEqualTo(DecodeError.MAX_EXCERPT);
            if (damaged.length > 4 * DecodeError.MAX_EXCERPT) {
                assertThat(error.excerpt()).as("an over-long line is cut in its report")
                        .hasSize(DecodeError.MAX_EXCERPT);
            }
        }
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void randomEditsOfOneLineNeverCostTheOtherLines(
            @ForAll long seed) {
        Random random = new Random(seed);
        List<Line> before = lines(random);
        Line victim = line(random);
        List<Line> after = lines(random);
        byte[] edited = edit(WireText.utf8(victim.text()), random);

        List<JvqEvent> events = decode(decoder, WireText.deflate(frame(before, edited, after)));

        List<JvqEvent> middle = between(events, records(before), records(after));
        assertThat(middle.size()).as("every non-empty line gives a record or a report")
                .isGreaterThanOrEqualTo(nonEmptyLines(edited));
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void aTruncatedFrameDeliversItsCompleteLinesAndReportsTheCut(
            @ForAll long seed) {
        Random random = new Random(seed);
        List<Line> lines = lines(random);
        byte[] whole = WireText.deflate(String.join("\n", texts(lines)));
        byte[] cut = Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));

        List<JvqEvent> events = decode(decoder, cut);

        List<QuoteEvent> quotes = Recorder.quotes(events);
        assertThat(quotes.size()).isLessThanOrEqualTo(lines.size());
        assertThat(quotes).as("no wrong record out of a cut frame")
                .containsExactlyElementsOf(records(lines).subList(0, quotes.size()));
        assertThat(events).last().isInstanceOf(DecodeError.class);
        DecodeError report = (DecodeError) events.get(events.size() - 1);
        assertThat(report.reason()).contains("ended before its final DEFLATE block");
        assertThat(Recorder.errors(events)).hasSize(1);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void corruptedCompressedBytesAreReportedOrDecodedAndTheDecoderCarriesOn(
            @ForAll long seed) {
        Random random = new Random(seed);
        List<Line> lines = lines(random);
        byte[] corrupted = edit(WireText.deflate(String.join("\n", texts(lines))), random);

        List<JvqEvent> events = decode(decoder, corrupted);
        List<JvqEvent> next = decodeCheck(decoder, WireText.deflate(String.join("\n", texts(lines))));

        assertThat(events).allMatch(e -> e instanceof QuoteEvent || e instanceof DecodeError || e instanceof DecodeNotice);
        assertThat(next).containsExactlyElementsOf(records(lines));
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void aBombIsSkippedWithinTheCapAndTheNextFrameDecodes(
            @ForAll long seed) {
        Random random = new Random(seed);
        List<Line> lines = lines(random);
        byte[] bomb = bomb(lines, random);

        List<JvqEvent> events = decode(bombDecoder, bomb);
        List<JvqEvent> next = decodeCheck(bombDecoder, WireText.deflate(String.join("\n", texts(lines))));

        assertThat(events).singleElement().isInstanceOfSatisfying(DecodeError.class, error -> {
            assertThat(error.frameLevel()).isTrue();
            assertThat(error.reason()).contains("past the cap of " + BOMB_CAP + " bytes");
        });
        assertThat(next).containsExactlyElementsOf(records(lines));
    }

    @Property
    void randomBytesAreDecodedOrReportedLineByLine(@ForAll("garbage") byte[] text) {
        List<JvqEvent> events = decode(decoder, WireText.deflate(text));

        assertThat(events.size()).isGreaterThanOrEqualTo(nonEmptyLines(text));
        assertThat(events).allMatch(e -> e instanceof QuoteEvent || e instanceof DecodeError || e instanceof DecodeNotice);
    }

    // ---- generators --------------------------------------------------------------------------

    // Lines come from a seeded Random rather than from jqwik's combinators: a million inputs have
    // to be cheap to make. A failure names its seed, which rebuilds the same input.

    static List<Line> lines(Random random) {
        int count = 1 + random.nextInt(6);
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(line(random));
        }
        return lines;
    }

    static Line line(Random random) {
        QuoteEvent record;
        String payload;
        switch (random.nextInt(3)) {
            case 0 -> {
                Level2Trade t = new Level2Trade(code(QuoteLevel.LV2, random), random.nextInt(86_400_000),
                        quantity(random), price(random), quantity(random));
                record = t;
                payload = WireText.trade(t, random.nextBoolean(), random.nextInt(5));
            }
            case 1 -> {
                Level1Quote q = new Level1Quote(code(QuoteLevel.LV1, random), random.nextInt(86_400) * 1000,
                        name(random), price(random), random.nextInt(2_000_001) - 1_000_000L, quantity(random),
                        amount(random), book(random, 4 * Level1Quote.DEPTH));
                record = q;
                payload = WireText.snapshot(q, () -> random.nextInt(5));
            }
            default -> {
                Level10Book b = new Level10Book(code(QuoteLevel.LV10, random), random.nextInt(86_400) * 1000,
                        name(random), price(random), price(random), amount(random), quantity(random),
                        book(random, 4 * Level10Book.DEPTH));
                record = b;
                payload = WireText.book(b, () -> random.nextInt(5));
            }
        }
        return new Line(record.code().wire() + "=" + payload, record);
    }

    private static SubscriptionCode code(QuoteLevel level, Random random) {
        return new SubscriptionCode(level, (random.nextInt(4) == 0 ? "i" : "")
                + String.format("%06d", random.nextInt(1_000_000)));
    }

    private static final long[] EDGES = {0, 1, 9, 10, 99_999, Integer.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    /** Any non-negative long, edges included. */
    private static long quantity(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> random.nextLong() & Long.MAX_VALUE;
            default -> random.nextInt(1_000_000);
        };
    }

    /** Fixed point up to ten million yuan. */
    private static long price(Random random) {
        return random.nextInt(8) == 0 ? 0 : (random.nextLong() & Long.MAX_VALUE) % 100_000_000_001L;
    }

    private static long amount(Random random) {
        return (random.nextLong() & Long.MAX_VALUE) % 900_000_000_000_000_001L;
    }

    private static long[] book(Random random, int size) {
        long[] book = new long[size];
        for (int i = 0; i < size; i++) {
            book[i] = random.nextInt(3) == 0 ? 0 : (random.nextLong() & Long.MAX_VALUE) % 10_000_000_001L;
        }
        return book;
    }

    /** Up to eight characters: CJK, capitals and the punctuation that may appear in a name. */
    private static String name(Random random) {
        char[] punctuation = {' ', '*', '=', '-', '.', ':'};
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(9); i > 0; i--) {
            int kind = random.nextInt(4);
            name.append(kind <= 1 ? (char) ('\u4e00' + random.nextInt(0x9fa5 - 0x4e00 + 1))
                    : kind == 2 ? (char) ('A' + random.nextInt(26)) : punctuation[random.nextInt(punctuation.length)]);
        }
        return name.toString();
    }

    /** Text made of the grammar's own characters, UTF-8 fragments and raw bytes. */
    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\n', (byte) '\r', (byte) '|', (byte) ',', (byte) '=',
                (byte) ':', (byte) '.', (byte) '-', (byte) '0', (byte) '9', (byte) 'l', (byte) 'v', (byte) '_',
                (byte) 0x00, (byte) 0x80, (byte) 0xC3, (byte) 0xE8, (byte) 0xFF);
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).array(byte[].class).ofMaxSize(2_000);
    }

    // ---- damage ------------------------------------------------------------------------------

    private static byte[] damage(Line victim, Damage damage, Random random) {
        String text = victim.text();
        int eq = text.indexOf('=');
        switch (damage) {
            case TRUNCATED: {
                // an lv1 line cut to its first 6 fields is a good index quote (no book): keep at least 7
                int keep = victim.level() == QuoteLevel.LV1 ? nthComma(text, 6) + 1 : 0;
                return WireText.utf8(text.substring(0, keep + 1 + random.nextInt(text.lastIndexOf(',') - keep)));
            }
            case EMPTY_FIELD: {
                int comma = nthComma(text, random.nextInt(commas(text)));
                return WireText.utf8(text.substring(0, comma + 1) + "," + text.substring(comma + 1));
            }
            case EXPONENT:
                // extra trailing fields are tolerated (PROTOCOL §6); a number in exponent notation is not
                return WireText.utf8(replaceField(victim, random, "1e" + random.nextInt(10)));
            case NOT_UTF8: {
                byte[] bytes = WireText.utf8(text);
                int[] span = fieldSpan(bytes, eq, dataField(victim, random));
                byte[] bad = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xED, (byte) 0xF5, (byte) 0xFF};
                int at = span[0] + random.nextInt(Math.max(1, span[1] - span[0]));
                if (span[1] == span[0]) {
                    return insert(bytes, at, bad[random.nextInt(bad.length)]);
                }
                bytes[at] = bad[random.nextInt(bad.length)];
                return bytes;
            }
            case HUGE_NUMBER: {
                String[] huge = {"9".repeat(19 + random.nextInt(30)), "92233720368547758.08",
                        "1" + "0".repeat(20 + random.nextInt(400)), "18446744073709551616",
                        "-" + "9".repeat(20 + random.nextInt(20))};
                return WireText.utf8(replaceField(victim, random, huge[random.nextInt(huge.length)]));
            }
            case HUGE_LINE:
                if (random.nextBoolean()) {
                    return WireText.utf8(replaceField(victim, random, "7".repeat(1_000 + random.nextInt(200_000))));
                }
                return WireText.utf8("x".repeat(1_000 + random.nextInt(200_000)));
            default: {
                // '|' strictly inside the record: at least one of the two parts is short of fields.
                int at = eq + 2 + random.nextInt(text.length() - eq - 3);
                return WireText.utf8(text.substring(0, at) + "|" + text.substring(at));
            }
        }
    }

    /** A field that is not the security name (any field of a trade; not field 2 of lv1/lv10). */
    private static int dataField(Line line, Random random) {
        int fields = commas(line.text()) + 1;
        if (line.level() == QuoteLevel.LV2) {
            return random.nextInt(fields);
        }
        int field = random.nextInt(fields - 1);
        return field >= 1 ? field + 1 : field;
    }

    /** The line with one data field replaced by {@code value}. */
    private static String replaceField(Line line, Random random, String value) {
        String text = line.text();
        int eq = text.indexOf('=');
        String[] fields = text.substring(eq + 1).split(",", -1);
        fields[dataField(line, random)] = value;
        return text.substring(0, eq + 1) + String.join(",", fields);
    }

    /** [start, end) of field {@code index} of the payload after {@code eq}. */
    private static int[] fieldSpan(byte[] line, int eq, int index) {
        int start = eq + 1;
        for (int i = 0; i < index; i++) {
            while (line[start] != ',') {
                start++;
            }
            start++;
        }
        int end = start;
        while (end < line.length && line[end] != ',') {
            end++;
        }
        return new int[] {start, end};
    }

    private static int commas(String text) {
        return (int) text.chars().filter(c -> c == ',').count();
    }

    private static int nthComma(String text, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(',', at + 1);
        }
        return at;
    }

    private static byte[] insert(byte[] bytes, int at, byte b) {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
    }

    /** A few overwrites, insertions, deletions and cuts, favouring the grammar's separators. */
    private static byte[] edit(byte[] bytes, Random random) {
        byte[] alphabet = {'\n', '\r', '|', ',', '=', ':', '.', '-', '0', (byte) 0x00, (byte) 0xC3, (byte) 0xFF};
        List<Byte> out = new ArrayList<>(bytes.length + 8);
        for (byte b : bytes) {
            out.add(b);
        }
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.size());
            byte b = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            switch (random.nextInt(4)) {
                case 0 -> out.set(at, b);
                case 1 -> out.add(at, b);
                case 2 -> out.remove(at);
                default -> out.subList(at, out.size()).clear();
            }
        }
        byte[] result = new byte[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    /** Raw DEFLATE of more than the bomb decoder's cap: zeros, good lines repeated, or one endless line. */
    private static byte[] bomb(List<Line> lines, Random random) {
        int size = BOMB_CAP + 1 + random.nextInt(7 * BOMB_CAP);
        byte[] text = new byte[size];
        switch (random.nextInt(3)) {
            case 0 -> {
            }
            case 1 -> {
                byte[] good = WireText.utf8(String.join("\n", texts(lines)) + "\n");
                for (int i = 0; i < size; i++) {
                    text[i] = good[i % good.length];
                }
            }
            default -> Arrays.fill(text, (byte) '9');
        }
        return WireText.deflate(text);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Decodes one fuzzed input (counted). */
    private static List<JvqEvent> decode(FrameDecoder decoder, byte[] frame) {
        INPUTS.incrementAndGet();
        return decodeCheck(decoder, frame);
    }

    /** Decodes a known good frame, to check the decoder after a fuzzed one (not counted). */
    private static List<JvqEvent> decodeCheck(FrameDecoder decoder, byte[] frame) {
        Recorder recorder = new Recorder();
        decoder.decode(ByteBuffer.wrap(frame), recorder.sink);
        return recorder.events;
    }

    private static byte[] frame(List<Line> before, byte[] middle, List<Line> after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = WireText.utf8(String.join("\n", texts(before)) + "\n");
        byte[] tail = WireText.utf8("\n" + String.join("\r\n", texts(after)) + "\n");
        out.write(head, 0, head.length);
        out.write(middle, 0, middle.length);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /** The events between the expected head and tail, after checking both are there unchanged. */
    private static List<JvqEvent> between(List<JvqEvent> events, List<QuoteEvent> head, List<QuoteEvent> tail) {
        assertThat(events.size()).as("events: " + events).isGreaterThanOrEqualTo(head.size() + tail.size());
        assertThat(events.subList(0, head.size())).as("the good lines before").containsExactlyElementsOf(head);
        assertThat(events.subList(events.size() - tail.size(), events.size())).as("the good lines after")
                .containsExactlyElementsOf(tail);
        return events.subList(head.size(), events.size() - tail.size());
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    private static List<QuoteEvent> records(List<Line> lines) {
        return lines.stream().map(Line::record).toList();
    }

    /** Lines that are not empty once a trailing '\r' is dropped: each must yield a record or a report. */
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
