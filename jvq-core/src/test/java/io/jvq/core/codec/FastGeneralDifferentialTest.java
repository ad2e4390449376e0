package io.jvq.core.codec;

import io.jvq.core.codec.RecordLayout.Kind;
import io.jvq.core.event.JvqEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential property: the fast path is an optimisation only. A parser with its fast paths switched
 * off (every record through {@link GeneralRecords}) must deliver the same events and the same errors, in the
 * same order, as the usual parser, for generated records of every field width and shape, and for those
 * records with bytes changed to every non-digit value at every position, in lines that end at the array end
 * or before more bytes, alone or in '|' groups.
 */
class FastGeneralDifferentialTest {
    private static final String[] NAMES = {"贵州茅台", "PINGAN", "平安银行", "A", "上证指数", "X Y", "𠀀股"};
    /** Every byte that is not an ASCII digit, as a signed Java byte. */
    private static final byte[] NON_DIGITS = nonDigits();

    @Property(tries = 1500)
    void bothPathsAgreeOnGeneratedRecords(@ForAll("seeds") long seed, @ForAll @IntRange(max = 6) int lines) {
        Random random = new Random(seed);
        assertSamePaths(text(random, lines), random);
    }

    @Property(tries = 4000)
    void bothPathsAgreeOnMutatedRecords(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 3) int lines,
                                        @ForAll @IntRange(min = 1, max = 3) int mutations) {
        Random random = new Random(seed);
        byte[] text = WireText.utf8(text(random, lines));
        for (int m = 0; m < mutations && text.length > 0; m++) {
            text[random.nextInt(text.length)] = NON_DIGITS[random.nextInt(NON_DIGITS.length)];
        }
        assertSamePaths(text, random);
    }

    /** Each non-digit byte at each position of one trade and one snapshot, exhaustively. */
    @Property(tries = 40)
    void everyNonDigitAtEveryPositionOfAUsualRecord(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        byte[] text = WireText.utf8(line(random, random.nextBoolean() ? RecordLayout.LV1 : RecordLayout.TRADE));
        for (int position = 0; position < text.length; position++) {
            byte[] mutated = text.clone();
            mutated[position] = NON_DIGITS[random.nextInt(NON_DIGITS.length)];
            assertSamePaths(mutated, random);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static void assertSamePaths(String text, Random random) {
        assertSamePaths(WireText.utf8(text), random);
    }

    /** Parses {@code text} with and without fast paths, once ending at the array's end and once before more bytes. */
    private static void assertSamePaths(byte[] text, Random random) {
        for (boolean atArrayEnd : new boolean[] {true, false}) {
            int off = random.nextInt(9);
            byte[] array = new byte[off + text.length + (atArrayEnd ? 0 : 1 + random.nextInt(24))];
            Arrays.fill(array, (byte) '7'); // digits around the range: a reader looking past it would read more
            System.arraycopy(text, 0, array, off, text.length);
            QuoteParser fast = new QuoteParser();
            QuoteParser general = new QuoteParser(RecordLayout.LV1, RecordLayout.TRADE, RecordLayout.LV10, false);
            List<JvqEvent> fastEvents = parse(fast, array, off, text.length);
            List<JvqEvent> generalEvents = parse(general, array, off, text.length);
            assertThat(fastEvents).as("fast vs general for %s", new String(text, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(generalEvents);
            assertThat(fast.extraFieldRecords()).isEqualTo(general.extraFieldRecords());
        }
    }

    private static List<JvqEvent> parse(QuoteParser parser, byte[] array, int off, int len) {
        List<JvqEvent> events = new ArrayList<>();
        parser.parse(array, off, len, new EventSink(events::add));
        return events;
    }

    /** Lines of lv1, lv2 and lv10 records, '\n' or "\r\n" between them, and maybe after the last. */
    private static String text(Random random, int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(5);
            out.append(line(random, kind < 2 ? RecordLayout.TRADE : kind < 4 ? RecordLayout.LV1 : RecordLayout.LV10));
            if (i < lines - 1 || random.nextBoolean()) {
                out.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
        }
        return out.toString();
    }

    private static String line(Random random, RecordLayout layout) {
        String prefix = layout == RecordLayout.LV1 ? "lv1_" : layout == RecordLayout.TRADE ? "lv2_" : "lv10_";
        String symbol = random.nextInt(8) == 0 ? "i000001" : String.format("%06d", 600000 + random.nextInt(4));
        StringBuilder out = new StringBuilder(prefix).append(symbol).append('=');
        int records = layout == RecordLayout.TRADE ? 1 + random.nextInt(4) : random.nextInt(6) == 0 ? 2 : 1;
        for (int r = 0; r < records; r++) {
            if (r > 0) {
                out.append('|');
            }
            out.append(record(random, layout));
        }
        return out.toString();
    }

    /** One record with each field drawn by its layout kind: any width, sometimes short or long of fields. */
    private static String record(Random random, RecordLayout layout) {
        int fields = layout.size();
        int shape = random.nextInt(12);
        if (shape == 0) {
            fields += 1 + random.nextInt(3); // extra trailing fields
        } else if (shape == 1 && layout == RecordLayout.LV1) {
            fields = layout.index(RecordLayout.Role.BOOK); // an index without a book
        } else if (shape == 2) {
            fields = random.nextInt(layout.size()); // fields missing
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            Kind kind = i < layout.size() ? layout.kind(i) : Kind.INTEGER;
            values.add(field(random, kind, layout == RecordLayout.TRADE));
        }
        if (layout == RecordLayout.TRADE && fields >= 2 && random.nextInt(6) == 0) {
            String id = values.get(1); // the id-first shape PROTOCOL §6 tolerates
            values.set(1, values.get(0));
            values.set(0, id);
        }
        return String.join(",", values);
    }

    private static String field(Random random, Kind kind, boolean trade) {
        switch (kind) {
            case TIME:
                String time = String.format("%02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62));
                return trade || random.nextInt(10) == 0 ? time + String.format(".%03d", random.nextInt(1000)) : time;
            case TEXT:
                return NAMES[random.nextInt(NAMES.length)];
            case INTEGER:
                return digits(random, width(random, 20));
            case PRICE:
            case SIGNED_PRICE:
                String sign = kind == Kind.SIGNED_PRICE && random.nextInt(3) == 0 ? "-" : "";
                String integer = digits(random, width(random, 17));
                int places = random.nextInt(4) == 0 ? 0 : random.nextInt(7);
                String fraction = places == 0 ? "" : "." + (random.nextInt(5) == 0 ? digits(random, places)
                        : digits(random, Math.min(places, 4)) + "0".repeat(Math.max(0, places - 4)));
                return sign + integer + fraction;
            default:
                throw new AssertionError(kind);
        }
    }

    /** Mostly the usual short widths, sometimes any width up to {@code max} (overflow included). */
    private static int width(Random random, int max) {
        return random.nextInt(3) == 0 ? 1 + random.nextInt(max) : 1 + random.nextInt(7);
    }

    private static String digits(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static byte[] nonDigits() {
        byte[] bytes = new byte[256 - 10];
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (b < '0' || b > '9') {
                bytes[n++] = (byte) b;
            }
        }
        return bytes;
    }
}
