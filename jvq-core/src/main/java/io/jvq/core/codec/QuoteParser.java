package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;

import java.nio.charset.StandardCharsets;
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
 */
public final class QuoteParser {
    // Level-1 field positions (0-based), in one place: PROTOCOL §5.1 notes that the vendor's later
    // client names turnover before volume; swapping LV1_VOLUME and LV1_AMOUNT is the whole change.
    static final int LV1_TIME = 0;
    static final int LV1_NAME = 1;
    static final int LV1_PRICE = 2;
    static final int LV1_CHANGE = 3;
    static final int LV1_VOLUME = 4;
    static final int LV1_AMOUNT = 5;
    /** First of the 20 book fields: five bid (quantity, price) pairs, then five ask pairs. */
    static final int LV1_BOOK = 6;
    static final int LV1_FIELDS = LV1_BOOK + 4 * Level1Quote.DEPTH;
    /** An index has no book: its lv1 line stops after the amount. */
    static final int LV1_INDEX_FIELDS = LV1_BOOK;

    // Level-10 field positions (PROTOCOL §5.3): time,name,price,lastClose,amount,volume, then 40 book fields.
    static final int LV10_TIME = 0;
    static final int LV10_NAME = 1;
    static final int LV10_PRICE = 2;
    static final int LV10_LAST_CLOSE = 3;
    static final int LV10_AMOUNT = 4;
    static final int LV10_VOLUME = 5;
    /** First of the 40 book fields: b1p..b10p, b1q..b10q, a1p..a10p, a1q..a10q. */
    static final int LV10_BOOK = 6;
    static final int LV10_FIELDS = LV10_BOOK + 4 * Level10Book.DEPTH;

    /** A level-2 trade: time, id, price, quantity (or id first: the time is the field with ':'). */
    static final int TRADE_FIELDS = 4;
    static final int TRADE_PRICE = 2;
    static final int TRADE_QUANTITY = 3;

    private static final String[] LV1_NAMES = level1Names();
    private static final String[] LV10_NAMES = level10Names();
    private static final String[] TRADE_TIME_FIRST_NAMES = {"time", "trade id", "price", "quantity"};
    private static final String[] TRADE_ID_FIRST_NAMES = {"trade id", "time", "price", "quantity"};

    private final CodeTable codes = new CodeTable();
    private final Fields fields = new Fields();
    private final Level1View level1 = new Level1View();
    private final TradeView trade = new TradeView();
    private final Level10View level10 = new Level10View();
    /** Records delivered although they had more fields than documented (the extra ones ignored). */
    private long extraFieldRecords;
    /** Per record kind: whether the extra-fields notice has been given (once per parser, i.e. per connection). */
    private final boolean[] extraFieldsNoticed = new boolean[QuoteLevel.values().length];

    /** How many records so far had extra trailing fields (ignored; each record still delivered). */
    public long extraFieldRecords() {
        return extraFieldRecords;
    }

    /** The longest code before '=' that the fast scan looks for: {@code lv10_i000001}. */
    private static final int MAX_CODE_LENGTH = 12;

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
        while (p < end) {
            p = fastLine(buf, p, end, sink);
        }
    }

    /** Parses the line starting at {@code from}; returns where the next line starts. */
    private int fastLine(byte[] buf, int from, int end, QuoteSink sink) {
        int eq = from + STOCK_CODE_LENGTH;
        SubscriptionCode code = eq < end && from + 16 <= buf.length ? knownStockCode(buf, from) : null;
        if (code == null) {
            eq = -1;
            for (int i = from, limit = Math.min(end, from + MAX_CODE_LENGTH + 1); i < limit; i++) {
                byte b = buf[i];
                if (b == '=') {
                    eq = i;
                    break;
                }
                if (b == '\n') {
                    break;
                }
            }
            code = eq < 0 ? null : codes.lookup(buf, from, eq);
        }
        if (code == null || code.level() == QuoteLevel.LV10) {
            return slowLine(buf, from, end, sink);
        }
        boolean trades = code.level() == QuoteLevel.LV2;
        CodeTable.Entry entry = codes.last();
        WordShape ids = entry != null ? entry.tradeIds : tradeIdShape;
        WordShape prices = entry != null ? entry.tradePrices : priceShape;
        int partStart = eq + 1;
        int parts = 0;
        while (true) {
            int stop = trades ? fastTrade(code, ids, prices, buf, partStart, end, sink) : fastLevel1(code, buf, partStart, end, sink);
            if (stop < 0) {
                int lineEnd = lineEnd(buf, partStart, end);
                records(code, buf, from, eq + 1, partStart, parts, stripReturn(buf, from, lineEnd), sink);
                return lineEnd + 1;
            }
            parts++;
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

    /** {@code lv1_600519} and {@code lv2_600519}: the codes of most lines, before their '='. */
    private static final int STOCK_CODE_LENGTH = 10;
    /** "lv1_" and "lv2_" as the low half of a little-endian word. */
    private static final int LV1_PREFIX = 0x5F31766C;
    private static final int LV2_PREFIX = 0x5F32766C;

    /**
     * The code of a line that starts with {@code lv1_} or {@code lv2_}, six digits and '=', read from two
     * words, when the parser has met it before; otherwise null (the caller then reads the code byte by byte).
     * Needs the '=' inside the range and 16 bytes from {@code from} inside the array: the bytes after the
     * '=' are loaded but not looked at.
     */
    private SubscriptionCode knownStockCode(byte[] buf, int from) {
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

    /** Whether a fast record reader that stopped at {@code p} stopped at its end: '|', the line end or the buffer's. */
    private static boolean recordEnd(byte[] buf, int p, int end) {
        if (p == end) {
            return true;
        }
        byte b = buf[p];
        return b == '|' || b == '\n' || (b == '\r' && (p + 1 == end || buf[p + 1] == '\n'));
    }

    /** Whether the non-digit at {@code p}, before {@code end}, ends a record: '|', '\n' or "\r\n" (or '\r' ending the range). */
    private static boolean separatorEnds(byte[] buf, int p, int end) {
        byte b = buf[p];
        return b == '|' || b == '\n' || (b == '\r' && recordEnd(buf, p, end));
    }

    /** A line without its '\n' or trailing '\r', parsed field by field. */
    private void line(byte[] buf, int from, int to, QuoteSink sink) {
        if (to == from) {
            return;
        }
        int eq = indexOf(buf, from, to, (byte) '=');
        if (eq < 0) {
            sink.onError(new DecodeError(null, excerpt(buf, from, to),
                    "line has no '=': expected <code>=<payload>, e.g. lv1_600519=…"));
            return;
        }
        SubscriptionCode code = codes.lookup(buf, from, eq);
        if (code == null) {
            String received = text(buf, from, eq, DecodeError.MAX_EXCERPT);
            String reason = badCodeReason(received);
            if (reason != null) {
                sink.onError(new DecodeError(received, excerpt(buf, from, to), reason));
                return;
            }
            code = SubscriptionCode.parse(received);
        }
        records(code, buf, from, eq + 1, eq + 1, 0, to, sink);
    }

    /**
     * Each non-empty '|'-separated part of the payload {@code [payloadFrom, to)} is one record; parsing
     * starts at {@code resumeFrom}, after {@code partsBefore} records the fast path already delivered.
     */
    private void records(SubscriptionCode code, byte[] buf, int lineFrom, int payloadFrom, int resumeFrom,
                         int partsBefore, int to, QuoteSink sink) {
        int partStart = resumeFrom;
        int partNumber = partsBefore;
        for (int i = resumeFrom; i <= to; i++) {
            if (i < to && buf[i] != '|') {
                continue;
            }
            if (i > partStart) {
                partNumber++;
                String problem = record(code, buf, partStart, i, sink);
                if (problem != null) {
                    int parts = countParts(buf, payloadFrom, to);
                    String where = parts == 1 ? recordKind(code.level()) + ": "
                            : recordKind(code.level()) + " " + partNumber + " of " + parts + ": ";
                    sink.onError(new DecodeError(code.wire(),
                            parts == 1 ? excerpt(buf, lineFrom, to) : excerpt(buf, partStart, i), where + problem));
                }
            }
            partStart = i + 1;
        }
        if (partNumber == 0) {
            sink.onError(new DecodeError(code.wire(), excerpt(buf, lineFrom, to),
                    "empty payload: no " + recordKind(code.level()) + " after '='"));
        }
    }

    /** Fixed-point multiplier for a fraction of 0 to 4 decimal places. */
    private static final long[] FRACTION_SCALE = {10_000, 1_000, 100, 10, 1};
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    /** The most digits a fast integer field may have (so that nothing overflows). */
    private static final int MAX_INTEGER_DIGITS = 18;
    /** The most integer digits of a fast decimal field (times {@link FixedPoint#ONE} stays in a long). */
    private static final int MAX_DECIMAL_DIGITS = 14;

    /**
     * The trade shape the feed sends, {@code HH:MM:SS.mmm,id,price,quantity}, parsed in a single pass
     * over the bytes, eight at a time where the buffer allows (the general path splits the record into
     * fields first, then reads each). Returns where the record ended ('|', '\r', '\n' or {@code end})
     * when it was delivered, or -1, having delivered nothing, for any other shape (id first, a bad or
     * unusual field, extra fields), which the general path then parses or reports.
     */
    private int fastTrade(SubscriptionCode code, WordShape ids, WordShape prices, byte[] buf, int from, int end,
                          QuoteSink sink) {
        int p = from;
        if (end - p < 18) {
            return -1;
        }
        int seconds = Swar.clockSeconds(Swar.word(buf, p));
        long millis = Swar.word(buf, p + 8); // ".mmm," and three more bytes
        if (seconds < 0 || (millis & 0xFF) != '.' || ((millis >>> 32) & 0xFF) != ','
                || Swar.leadingDigits(millis >>> 8) < 3) {
            return -1;
        }
        int time = seconds * 1000 + (int) Swar.digitsValue(millis >>> 8, 3);
        p += 13;
        if (end - p >= WIDE_TRADE_TAIL) {
            int stop = wideTradeTail(code, ids, prices, time, buf, p, end, sink);
            if (stop >= 0) {
                return stop;
            }
        }
        long tradeId = fastInteger(buf, p, end);
        if (!comma(buf, end)) {
            return -1;
        }
        long price = fastDecimal(buf, cursor + 1, end, false);
        if (!comma(buf, end)) {
            return -1;
        }
        long quantity = fastInteger(buf, cursor + 1, end);
        int stop = cursor;
        if (stop < 0 || !recordEnd(buf, stop, end)) {
            return -1;
        }
        trade.set(code, time, tradeId, price, quantity);
        sink.onTrade(trade);
        return stop;
    }

    /**
     * The most bytes {@link #wideTradeTail} loads from its start: an id of up to 7 digits and ',' (8), an
     * integer part of up to 7 digits and '.' (8), up to 4 decimals and ',' (5), then the quantity's word (8).
     */
    private static final int WIDE_TRADE_TAIL = 8 + 8 + 5 + 8;

    /**
     * {@code id,price,quantity} of a trade whose fields are short (at most 7 digits each, 4 decimals), with
     * at least {@link #WIDE_TRADE_TAIL} bytes of the range from {@code p}: each field is one word, and the
     * byte after its digits, read from the same word, is its separator, so no count needs clamping (every
     * byte loaded is inside the range). Returns where the record ended when it was delivered, or -1,
     * having delivered nothing, for {@link #fastTrade}'s field-by-field readers to take over.
     */
    private int wideTradeTail(SubscriptionCode code, WordShape idShape, WordShape shape, int time, byte[] buf, int p,
                              int end, QuoteSink sink) {
        long w = Swar.word(buf, p);
        long tradeId;
        if (idShape.matches(w)) {
            tradeId = idShape.value(w);
            p += idShape.width();
        } else {
            tradeId = learnTradeId(idShape, w, p);
            p = cursor;
            if (p < 0) {
                return -1;
            }
        }
        w = Swar.word(buf, p);
        long price;
        if (shape.matches(w)) {
            price = shape.value(w);
            p += shape.width();
        } else {
            price = learnPrice(shape, buf, w, p);
            p = cursor;
            if (p < 0) {
                return -1;
            }
        }
        w = Swar.word(buf, p);
        int n = Swar.leadingDigits(w);
        if (n == 0 || n == 8) {
            return -1;
        }
        long quantity = Swar.digitsValue(w, n);
        p += n;
        if (!separatorEnds(buf, p, end)) {
            return -1;
        }
        trade.set(code, time, tradeId, price, quantity);
        sink.onTrade(trade);
        return p;
    }

    /**
     * A trade id of 1 to 7 digits and its ',' in the word read from {@code p}, whose layout {@code shape} then
     * learns; sets {@link #cursor} after the ',', or to -1 for another shape. Kept out of
     * {@link #wideTradeTail} so that the JIT still inlines that whole.
     */
    private long learnTradeId(WordShape shape, long w, int p) {
        int n = Swar.leadingDigits(w);
        if (n == 0 || n == 8 || Swar.byteAt(w, n) != ',') {
            cursor = -1;
            return 0;
        }
        shape.learn(n, 0, false);
        cursor = p + n + 1;
        return Swar.digitsValue(w, n);
    }

    /**
     * A price of 1 to 7 integer digits, then optionally '.' and 1 to 4 decimals, and its ',', from {@code p}
     * (its first word {@code w} already read), as fixed point; {@code shape} learns its layout when it fits one
     * word. Sets {@link #cursor} after the ',', or to -1 for another shape.
     */
    private long learnPrice(WordShape shape, byte[] buf, long w, int p) {
        cursor = -1;
        int n = Swar.leadingDigits(w);
        if (n == 0 || n == 8) {
            return 0;
        }
        int integerDigits = n;
        long price = Swar.digitsValue(w, n) * FixedPoint.ONE;
        int b = Swar.byteAt(w, n);
        p += n;
        int places = 0;
        if (b == '.') {
            w = Swar.word(buf, ++p);
            n = Swar.leadingDigits(w);
            if (n == 0 || n > FixedPoint.SCALE) {
                return 0;
            }
            places = n;
            price += Swar.digitsValue(w, n) * FRACTION_SCALE[n];
            b = Swar.byteAt(w, n);
            p += n;
        }
        if (b != ',') {
            return 0;
        }
        shape.learn(integerDigits, places, true);
        cursor = p + 1;
        return price;
    }

    /** The layouts of the last trade id and price of a code the table does not keep (see {@link WordShape}). */
    private final WordShape tradeIdShape = new WordShape();
    private final WordShape priceShape = new WordShape();

    /** Where the last fast number reader stopped, or -1 when the field was not of the usual shape. */
    private int cursor;

    /**
     * A level-1 snapshot in the usual shape (docs/PROTOCOL.md §5.1, time {@code HH:MM:SS}, numbers of at most
     * 18 digits and 4 decimal places) parsed in one pass, like {@link #fastTrade}: returns where it ended
     * when it was delivered, or -1, having delivered nothing, for the general path to parse or report.
     * (It may have written into the view's book: the general path writes every book field again before
     * delivering anything.)
     */
    private int fastLevel1(SubscriptionCode code, byte[] buf, int from, int end, QuoteSink sink) {
        int p = from;
        if (end - p < 9 || buf[p + 8] != ',') {
            return -1;
        }
        int seconds = Swar.clockSeconds(Swar.word(buf, p));
        if (seconds < 0) {
            return -1;
        }
        p += 9;
        int nameStart = p;
        int n = 8;
        while (n == 8 && p <= end - 8) {
            n = Swar.firstSeparator(Swar.word(buf, p));
            p += n;
        }
        byte b;
        while (n == 8 && p < end && (b = buf[p]) != ',' && b != '|' && b != '\n') {
            p++;
        }
        if (p >= end || buf[p] != ',') {
            return -1;
        }
        int nameLength = p - nameStart;
        long price = fastDecimal(buf, p + 1, end, false);
        if (!comma(buf, end)) {
            return -1;
        }
        long change = fastDecimal(buf, cursor + 1, end, true);
        if (!comma(buf, end)) {
            return -1;
        }
        long volume = fastInteger(buf, cursor + 1, end);
        if (!comma(buf, end)) {
            return -1;
        }
        long amount = fastDecimal(buf, cursor + 1, end, false);
        long[] book = level1.book;
        for (int i = 0; i < book.length; i += 2) {
            if (!comma(buf, end)) {
                return -1;
            }
            book[i] = fastInteger(buf, cursor + 1, end);
            if (!comma(buf, end)) {
                return -1;
            }
            book[i + 1] = fastDecimal(buf, cursor + 1, end, false);
        }
        int stop = cursor;
        if (stop < 0 || !recordEnd(buf, stop, end)) {
            return -1;
        }
        level1.set(codes.last(), code, seconds * 1000, buf, nameStart, nameLength, price, change, volume, amount);
        sink.onLevel1(level1);
        return stop;
    }

    /** True when the last fast reader succeeded and stopped at a ',' (so the next field starts after it). */
    private boolean comma(byte[] buf, int to) {
        int c = cursor;
        return c >= 0 && c < to && buf[c] == ',';
    }

    /**
     * The digits from {@code p} (not past {@code to}), eight at a time while a whole word fits in the
     * buffer, then byte by byte; sets {@link #cursor} to the first byte after them. Stops early, past
     * {@link #MAX_INTEGER_DIGITS}, with a value the caller rejects by the digit count.
     */
    private long digitRun(byte[] buf, int p, int to) {
        if (to - p >= 8) {
            // The usual field: fewer than 8 digits, all of its word inside the range, so nothing to clamp.
            long word = Swar.word(buf, p);
            int n = Swar.leadingDigits(word);
            if (n < 8) {
                cursor = p + n;
                return n == 0 ? 0 : Swar.digitsValue(word, n);
            }
        }
        int start = p;
        long value = 0;
        int lastWord = buf.length - 8;
        while (p <= lastWord) {
            long word = Swar.word(buf, p);
            int n = Math.min(Swar.leadingDigits(word), to - p);
            if (n > 0) {
                value = value * POWERS_OF_TEN[n] + Swar.digitsValue(word, n);
                p += n;
            }
            if (n < 8 || p - start > MAX_INTEGER_DIGITS) {
                cursor = p;
                return value;
            }
        }
        int d;
        while (p < to && digit(d = buf[p] - '0')) {
            value = value * 10 + d;
            p++;
        }
        cursor = p;
        return value;
    }

    /** 1 to 18 digits from {@code p}; sets {@link #cursor} to the first byte after them, or -1. */
    private long fastInteger(byte[] buf, int p, int to) {
        long value = digitRun(buf, p, to);
        int digits = cursor - p;
        if (digits == 0 || digits > MAX_INTEGER_DIGITS) {
            cursor = -1;
        }
        return value;
    }

    /** 1 to 14 integer digits, then optionally '.' and 1 to 4 decimals; as fixed point; sets {@link #cursor}. */
    private long fastDecimal(byte[] buf, int p, int to, boolean signed) {
        boolean negative = signed && p < to && buf[p] == '-';
        if (negative) {
            p++;
        }
        if (to - p >= 8) {
            long value = decimalInOneWord(Swar.word(buf, p), p);
            if (cursor >= 0) {
                return negative ? -value : value;
            }
        }
        long integerPart = digitRun(buf, p, to);
        int digits = cursor - p;
        if (digits == 0 || digits > MAX_DECIMAL_DIGITS) {
            cursor = -1;
            return 0;
        }
        long value = integerPart * FixedPoint.ONE;
        int q = cursor;
        if (q < to && buf[q] == '.') {
            long fraction = digitRun(buf, q + 1, to);
            int places = cursor - (q + 1);
            if (places == 0 || places > FixedPoint.SCALE) {
                cursor = -1;
                return 0;
            }
            value += fraction * FRACTION_SCALE[places];
        }
        return negative ? -value : value;
    }

    /**
     * The usual price or amount, up to 6 integer digits and its decimals, when all of it is in the word
     * read from {@code p} (which lies inside the range): sets {@link #cursor} to the byte after it, or to
     * -1 when it does not fit one word, for {@link #fastDecimal}'s general reading.
     */
    private long decimalInOneWord(long word, int p) {
        cursor = -1;
        int n = Swar.leadingDigits(word);
        if (n == 0 || n > 6) {
            return 0;
        }
        long value = Swar.digitsValue(word, n) * FixedPoint.ONE;
        if (Swar.byteAt(word, n) != '.') {
            cursor = p + n;
            return value;
        }
        long decimals = word >>> ((n + 1) << 3); // zero bytes shifted in: not digits
        int places = Swar.leadingDigits(decimals);
        if (places == 0 || places >= 7 - n || places > FixedPoint.SCALE) {
            return 0;
        }
        cursor = p + n + 1 + places;
        return value + Swar.digitsValue(decimals, places) * FRACTION_SCALE[places];
    }

    private static boolean digit(int d) {
        return d >= 0 && d <= 9;
    }

    /** Parses and delivers one record; returns what was wrong, or null when it was delivered. */
    private String record(SubscriptionCode code, byte[] buf, int from, int to, QuoteSink sink) {
        switch (code.level()) {
            case LV1:
                return level1(code, buf, from, to, sink);
            case LV2:
                return trade(code, buf, from, to, sink);
            case LV10:
                return level10(code, buf, from, to, sink);
            default:
                throw new AssertionError(code.level());
        }
    }

    private String level1(SubscriptionCode code, byte[] buf, int from, int to, QuoteSink sink) {
        Fields f = fields;
        f.locate(buf, from, to);
        boolean index = f.count() == LV1_INDEX_FIELDS;
        if (f.count() < LV1_FIELDS && !index) {
            return missingFields(LV1_FIELDS, f.count(), LV1_NAMES) + " (or 6 for an index without a book)";
        }
        int time = f.time(LV1_TIME);
        long price = f.decimal(LV1_PRICE, false);
        long change = f.decimal(LV1_CHANGE, true);
        long volume = f.integer(LV1_VOLUME);
        long amount = f.decimal(LV1_AMOUNT, false);
        long[] book = level1.book;
        for (int i = 0; i < book.length; i += 2) {
            book[i] = index ? 0 : f.integer(LV1_BOOK + i);
            book[i + 1] = index ? 0 : f.decimal(LV1_BOOK + i + 1, false);
        }
        if (!f.ok()) {
            return f.describeProblem(LV1_NAMES);
        }
        level1.set(codes.last(), code, time, buf, f.start(LV1_NAME), f.length(LV1_NAME), price, change, volume, amount);
        sink.onLevel1(level1);
        extraFields(code, LV1_FIELDS, buf, from, to, sink);
        return null;
    }

    private String trade(SubscriptionCode code, byte[] buf, int from, int to, QuoteSink sink) {
        Fields f = fields;
        f.locate(buf, from, to);
        if (f.count() < TRADE_FIELDS) {
            return missingFields(TRADE_FIELDS, f.count(), TRADE_TIME_FIRST_NAMES);
        }
        int timeField;
        if (f.contains(0, (byte) ':')) {
            timeField = 0;
        } else if (f.contains(1, (byte) ':')) {
            timeField = 1;
        } else {
            return "no trade time: neither field 1 nor field 2 holds HH:MM:SS.mmm";
        }
        int time = f.time(timeField);
        long tradeId = f.integer(1 - timeField);
        long price = f.decimal(TRADE_PRICE, false);
        long quantity = f.integer(TRADE_QUANTITY);
        if (!f.ok()) {
            return f.describeProblem(timeField == 0 ? TRADE_TIME_FIRST_NAMES : TRADE_ID_FIRST_NAMES);
        }
        trade.set(code, time, tradeId, price, quantity);
        sink.onTrade(trade);
        extraFields(code, TRADE_FIELDS, buf, from, to, sink);
        return null;
    }

    private String level10(SubscriptionCode code, byte[] buf, int from, int to, QuoteSink sink) {
        Fields f = fields;
        f.locate(buf, from, to);
        if (f.count() < LV10_FIELDS) {
            return missingFields(LV10_FIELDS, f.count(), LV10_NAMES);
        }
        int time = f.time(LV10_TIME);
        long price = f.decimal(LV10_PRICE, false);
        long lastClose = f.decimal(LV10_LAST_CLOSE, false);
        long amount = f.decimal(LV10_AMOUNT, false);
        long volume = f.integer(LV10_VOLUME);
        long[] book = level10.book;
        int depth = Level10Book.DEPTH;
        for (int i = 0; i < book.length; i++) {
            boolean isQuantity = (i / depth) % 2 == 1;
            book[i] = isQuantity ? f.integer(LV10_BOOK + i) : f.decimal(LV10_BOOK + i, false);
        }
        if (!f.ok()) {
            return f.describeProblem(LV10_NAMES);
        }
        level10.set(code, time, buf, f.start(LV10_NAME), f.length(LV10_NAME), price, lastClose, amount, volume);
        sink.onLevel10(level10);
        extraFields(code, LV10_FIELDS, buf, from, to, sink);
        return null;
    }

    /** After a record with {@code documented} fields or more was delivered: counts and notes any extra ones. */
    private void extraFields(SubscriptionCode code, int documented, byte[] buf, int from, int to, QuoteSink sink) {
        int extra = fields.count() - documented;
        if (extra <= 0) {
            return;
        }
        extraFieldRecords++;
        int kind = code.level().ordinal();
        if (!extraFieldsNoticed[kind]) {
            extraFieldsNoticed[kind] = true;
            sink.onNotice(new DecodeNotice(code.level(), code.wire(), excerpt(buf, from, to), recordKind(code.level())
                    + " with " + fields.count() + " fields where " + documented + " are documented: the " + extra
                    + " extra trailing field(s) are ignored (said once per connection; every such record is counted)"));
        }
    }

    private static String missingFields(int expected, int got, String[] names) {
        String missing = got < names.length ? ": field " + (got + 1) + " (" + names[got] + ") and later are missing" : "";
        return "expected " + expected + " comma-separated fields, got " + got + missing;
    }

    private static String recordKind(QuoteLevel level) {
        switch (level) {
            case LV1:
                return "lv1 snapshot";
            case LV2:
                return "lv2 trade";
            default:
                return "lv10 book";
        }
    }

    /** Why a code the fast path did not take is bad, or null when {@link SubscriptionCode#parse} accepts it after all. */
    private static String badCodeReason(String received) {
        try {
            SubscriptionCode.parse(received);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static int countParts(byte[] buf, int from, int to) {
        int parts = 0;
        int partStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == '|') {
                if (i > partStart) {
                    parts++;
                }
                partStart = i + 1;
            }
        }
        return parts;
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static String excerpt(byte[] buf, int from, int to) {
        return text(buf, from, to, DecodeError.MAX_EXCERPT);
    }

    /** UTF-8 text of {@code buf[from, to)}, cut to {@code maxChars} characters (never inside a surrogate pair). */
    static String text(byte[] buf, int from, int to, int maxChars) {
        String s = new String(buf, from, Math.min(to - from, maxChars * 4), StandardCharsets.UTF_8);
        if (s.length() <= maxChars) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return s.substring(0, cut);
    }

    private static String[] level1Names() {
        String[] names = new String[LV1_FIELDS];
        names[LV1_TIME] = "time";
        names[LV1_NAME] = "name";
        names[LV1_PRICE] = "price";
        names[LV1_CHANGE] = "change percent";
        names[LV1_VOLUME] = "volume";
        names[LV1_AMOUNT] = "amount";
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            int bid = LV1_BOOK + (level - 1) * 2;
            int ask = bid + 2 * Level1Quote.DEPTH;
            names[bid] = "bid " + level + " quantity";
            names[bid + 1] = "bid " + level + " price";
            names[ask] = "ask " + level + " quantity";
            names[ask + 1] = "ask " + level + " price";
        }
        return names;
    }

    private static String[] level10Names() {
        String[] names = new String[LV10_FIELDS];
        names[LV10_TIME] = "time";
        names[LV10_NAME] = "name";
        names[LV10_PRICE] = "price";
        names[LV10_LAST_CLOSE] = "last close";
        names[LV10_AMOUNT] = "amount";
        names[LV10_VOLUME] = "volume";
        int depth = Level10Book.DEPTH;
        for (int level = 1; level <= depth; level++) {
            names[LV10_BOOK + level - 1] = "bid " + level + " price";
            names[LV10_BOOK + depth + level - 1] = "bid " + level + " quantity";
            names[LV10_BOOK + 2 * depth + level - 1] = "ask " + level + " price";
            names[LV10_BOOK + 3 * depth + level - 1] = "ask " + level + " quantity";
        }
        return names;
    }
}
