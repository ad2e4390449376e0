package io.jvq.core.codec;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The lv1 / lv2 / lv10 grammar (docs/PROTOCOL.md §5, §6) over already-inflated bytes.
 * Lines are split on {@code '\n'} (a trailing {@code '\r'} and empty lines are tolerated), each is
 * {@code <code>=<payload>}, and a payload holds one or more records joined by {@code '|'}.
 * Fields are parsed straight from the bytes; the views handed to the sink are reused, so a
 * good record allocates nothing (a security name only when {@code name()} is called).
 * A bad line, or a bad record of a {@code '|'} group, becomes a {@link DecodeError} and the
 * records around it are still delivered, in order. Tolerated (PROTOCOL §6): extra trailing fields
 * (ignored, counted, and told once per parser and record kind as a {@link DecodeNotice}), and an
 * lv1 line of 6 fields (an index: a quote with an empty book). Not thread-safe: one parser per decoding thread.
 *
 * <p>This class frames lines and finds each line's code; the records are read by {@link FastRecords} (the
 * usual shapes, one pass) or {@link GeneralRecords} (everything else, and every error text), both in the
 * field order of {@link RecordLayout}: a vendor field swap is a change there and nowhere else.
 */
public final class QuoteParser {
    /** The longest code before '=' that the fast scan looks for: {@code lv10_i000001}. */
    private static final int MAX_CODE_LENGTH = 12;
    /** {@code lv1_600519} and {@code lv2_600519}: the codes of most lines, before their '='. */
    private static final int STOCK_CODE_LENGTH = 10;
    /** "lv1_" and "lv2_" as the low half of a little-endian word. */
    private static final int LV1_PREFIX = 0x5F31766C;
    private static final int LV2_PREFIX = 0x5F32766C;

    private final CodeTable codes = new CodeTable();
    private final FastRecords fast;
    private final GeneralRecords general;
    /** False only in tests: every line then takes the general path (the differential property compares the two). */
    private final boolean fastPaths;
    /** The layouts of the last trade id and price of a code the table does not keep (see {@link WordShape}). */
    private final WordShape tradeIdShape = new WordShape();
    private final WordShape priceShape = new WordShape();

    /** A parser of the documented layouts, fast paths on. */
    public QuoteParser() {
        this(RecordLayout.LV1, RecordLayout.TRADE, RecordLayout.LV10, true);
    }

    /** A parser of the given layouts; {@code fastPaths} false sends every line to the general path (tests). */
    QuoteParser(RecordLayout level1Layout, RecordLayout tradeLayout, RecordLayout level10Layout, boolean fastPaths) {
        Level1View level1 = new Level1View();
        TradeView trade = new TradeView();
        this.fast = new FastRecords(level1Layout, tradeLayout, level1, trade);
        this.general = new GeneralRecords(level1Layout, tradeLayout, level10Layout, level1, trade, new Level10View());
        this.fastPaths = fastPaths;
    }

    /** How many records so far had extra trailing fields (ignored; each record still delivered). */
    public long extraFieldRecords() {
        return general.extraFieldRecords();
    }

    /** Records the general path delivered so far (tests: the fast path took the others). */
    long generalPathRecords() {
        return general.delivered();
    }

    /**
     * Parses every line of {@code buf[off, off + len)} and reports each record and error to {@code sink}, in order.
     * Each byte is read once on the usual path: the code from the line start up to '=', then the records,
     * whose fast readers stop at the '|' or line end themselves. Only a line that leaves the fast path
     * (an unusual shape, a bad record, an lv10 line) has its end found and goes to the general path,
     * which resumes at the record the fast path did not take.
     */
    public void parse(byte[] buf, int off, int len, QuoteSink sink) {
        Objects.checkFromIndexSize(off, len, buf.length);
        Objects.requireNonNull(sink, "sink");
        int end = off + len;
        int p = off;
        if (!fastPaths) {
            while (p < end) {
                p = slowLine(buf, p, end, sink);
            }
            return;
        }
        while (p < end) {
            p = fastLine(buf, p, end, sink);
        }
    }

    /** Parses the line starting at {@code from}; returns where the next line starts. */
    private int fastLine(byte[] buf, int from, int end, QuoteSink sink) {
        int eq = from + STOCK_CODE_LENGTH;
        CodeTable.Entry entry = eq < end && from + 16 <= buf.length ? knownStockCode(buf, from) : null;
        SubscriptionCode code;
        if (entry != null) {
            code = entry.code;
        } else {
            eq = codeEnd(buf, from, end);
            code = eq == from ? null : codes.lookup(buf, from, eq);
            entry = codes.last(); // read at once: the next lookup replaces it
        }
        if (code == null || code.level() == QuoteLevel.LV10) {
            return slowLine(buf, from, end, sink);
        }
        boolean trades = code.level() == QuoteLevel.LV2;
        WordShape ids = entry != null ? entry.tradeIds : tradeIdShape;
        WordShape prices = entry != null ? entry.tradePrices : priceShape;
        int partStart = eq + 1;
        int parts = 0;
        while (true) {
            boolean delivered = trades ? fast.trade(code, ids, prices, buf, partStart, end, sink)
                    : fast.level1(entry, code, buf, partStart, end, sink);
            if (!delivered) {
                return generalRest(entry, code, buf, from, eq, partStart, parts, end, sink);
            }
            parts++;
            int stop = fast.stop();
            if (stop == end) {
                return end;
            }
            byte b = buf[stop];
            if (b == '|') {
                partStart = stop + 1;
            } else {
                return b == '\n' ? stop + 1 : stop + 2; // "\r\n", or a '\r' ending the buffer
            }
        }
    }

    /**
     * The rest of a line whose record at {@code partStart} the fast path did not take: its end is found, and the
     * general path resumes at that record. Kept out of {@link #fastLine} so that the JIT can inline that.
     */
    private int generalRest(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int from, int eq,
                            int partStart, int parts, int end, QuoteSink sink) {
        int lineEnd = lineEnd(buf, partStart, end);
        general.records(entry, code, buf, from, eq + 1, partStart, parts, stripReturn(buf, from, lineEnd), sink);
        return lineEnd + 1;
    }

    /** The '=' of a code of at most {@link #MAX_CODE_LENGTH} bytes from {@code from}, or {@code from} when there is none. */
    private static int codeEnd(byte[] buf, int from, int end) {
        for (int i = from, limit = Math.min(end, from + MAX_CODE_LENGTH + 1); i < limit; i++) {
            byte b = buf[i];
            if (b == '=') {
                return i;
            }
            if (b == '\n') {
                break;
            }
        }
        return from;
    }

    /**
     * The table entry of a line that starts with {@code lv1_} or {@code lv2_}, six digits and '=', read from two
     * words, when the parser has met the code before; otherwise null (the caller then reads the code byte by byte).
     * Needs the '=' inside the range and 16 bytes from {@code from} inside the array: the bytes after the
     * '=' are loaded but not looked at.
     */
    private CodeTable.@Nullable Entry knownStockCode(byte[] buf, int from) {
        long head = Swar.word(buf, from);
        int level = (int) head == LV1_PREFIX ? 0 : (int) head == LV2_PREFIX ? 1 : -1;
        // Bytes 4 to 11 of the line: six digits and the '=' when the shape is right.
        long symbol = (head >>> 32) | (Swar.word(buf, from + 8) << 32);
        if (level < 0 || Swar.leadingDigits(symbol) != 6 || Swar.byteAt(symbol, 6) != '=') {
            return null;
        }
        return codes.find(level, (int) Swar.digitsValue(symbol, 6));
    }

    /** A line the fast scan did not take: its end is found first, then it is parsed field by field. */
    private int slowLine(byte[] buf, int from, int end, QuoteSink sink) {
        int lineEnd = lineEnd(buf, from, end);
        line(buf, from, stripReturn(buf, from, lineEnd), sink);
        return lineEnd + 1;
    }

    /** The index of the first '\n' from {@code from}, or {@code end}. */
    private static int lineEnd(byte[] buf, int from, int end) {
        int i = indexOf(buf, from, end, (byte) '\n');
        return i < 0 ? end : i;
    }

    /** The line end without one trailing '\r'. */
    private static int stripReturn(byte[] buf, int from, int to) {
        return to > from && buf[to - 1] == '\r' ? to - 1 : to;
    }

    /** A line without its '\n' or trailing '\r', parsed field by field. */
    private void line(byte[] buf, int from, int to, QuoteSink sink) {
        if (to == from) {
            return;
        }
        int eq = indexOf(buf, from, to, (byte) '=');
        if (eq < 0) {
            sink.onError(new DecodeError(null, ErrorText.excerpt(buf, from, to),
                    "line has no '=': expected <code>=<payload>, e.g. lv1_600519=…"));
            return;
        }
        SubscriptionCode code = codes.lookup(buf, from, eq);
        CodeTable.Entry entry = codes.last(); // read at once: the next lookup replaces it
        if (code == null) {
            String received = ErrorText.text(buf, from, eq, DecodeError.MAX_EXCERPT);
            String reason = ErrorText.badCodeReason(received);
            if (reason != null) {
                sink.onError(new DecodeError(received, ErrorText.excerpt(buf, from, to), reason));
                return;
            }
            code = SubscriptionCode.parse(received);
        }
        general.records(entry, code, buf, from, eq + 1, eq + 1, 0, to, sink);
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
