package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.RecordLayout.Kind;
import io.jvq.core.codec.RecordLayout.Role;
import org.jspecify.annotations.Nullable;

/**
 * The fast path: a record of the usual shape parsed in one pass over its bytes, eight at a time where
 * the array allows, straight into the reused view. The rule every method here keeps: it returns true
 * when it delivered the record (the {@link FieldCursor} then stands at the record's end: '|', '\r',
 * '\n' or the range end), or false having delivered nothing, and then the general path
 * ({@link GeneralRecords}) parses the same record again from its start and delivers it or reports it.
 * So a fast reader may give up on anything unusual, but must never deliver what the general path
 * would not. The fields are read in the order and kinds of the {@link RecordLayout}.
 */
final class FastRecords {
    /**
     * The most bytes {@link #wideTradeTail} loads from its start: an id of up to 7 digits and ',' (8), an
     * integer part of up to 7 digits and '.' (8), up to 4 decimals and ',' (5), then the quantity's word (8).
     */
    private static final int WIDE_TRADE_TAIL = 8 + 8 + 5 + 8;
    /**
     * The sequence {@link #documentedLevel1} reads, in the order and kinds of {@link RecordLayout#LV1}: the
     * first six fields by role, then (quantity, price) book pairs. Checked against the table once, so a
     * change to {@link RecordLayout#LV1} that the straight-line reader does not follow turns it off.
     */
    private static final Role[] DOCUMENTED_LV1_HEAD = {
        Role.TIME, Role.NAME, Role.PRICE, Role.CHANGE_PERCENT, Role.VOLUME, Role.AMOUNT,
    };
    private static final Kind[] DOCUMENTED_LV1_HEAD_KINDS = {
        Kind.TIME, Kind.TEXT, Kind.PRICE, Kind.SIGNED_PRICE, Kind.INTEGER, Kind.PRICE,
    };
    /** Whether {@link RecordLayout#LV1} is the sequence {@link #documentedLevel1} is written for. */
    private static final boolean DOCUMENTED_LV1_FITS = fitsDocumentedLevel1(RecordLayout.LV1);

    private final FieldCursor cursor = new FieldCursor();
    private final Level1View level1;
    private final TradeView trade;
    private final Kind[] level1Kinds;
    private final long[] level1Values;
    private final int level1Time;
    private final int level1Price;
    private final int level1Change;
    private final int level1Volume;
    private final int level1Amount;
    private final int level1Book;
    /** Whether the trade layout is the one {@link #trade} is written for (time, id, price, quantity). */
    private final boolean tradeFast;
    /** Whether the lv1 layout is {@link RecordLayout#LV1}, read by {@link #documentedLevel1} rather than the layout loop. */
    private final boolean level1Documented;

    FastRecords(RecordLayout level1Layout, RecordLayout tradeLayout, Level1View level1, TradeView trade) {
        this.level1 = level1;
        this.trade = trade;
        this.level1Kinds = new Kind[level1Layout.size()];
        for (int i = 0; i < level1Kinds.length; i++) {
            level1Kinds[i] = level1Layout.kind(i);
        }
        this.level1Values = new long[level1Layout.size()];
        this.level1Time = level1Layout.index(Role.TIME);
        this.level1Price = level1Layout.index(Role.PRICE);
        this.level1Change = level1Layout.index(Role.CHANGE_PERCENT);
        this.level1Volume = level1Layout.index(Role.VOLUME);
        this.level1Amount = level1Layout.index(Role.AMOUNT);
        this.level1Book = level1Layout.index(Role.BOOK);
        this.tradeFast = tradeLayout.fields().equals(RecordLayout.TRADE.fields());
        this.level1Documented = DOCUMENTED_LV1_FITS && level1Layout.fields().equals(RecordLayout.LV1.fields())
                && level1Layout.size() - level1Book == level1.book.length;
    }

    /**
     * Whether {@code layout} is the sequence {@link #documentedLevel1} reads: the roles and kinds of
     * {@link #DOCUMENTED_LV1_HEAD} at positions 0 to 5, then the book as (integer quantity, price) pairs.
     */
    static boolean fitsDocumentedLevel1(RecordLayout layout) {
        int head = DOCUMENTED_LV1_HEAD.length;
        if (layout.index(Role.BOOK) != head || (layout.size() - head) % 2 != 0) {
            return false;
        }
        for (int i = 0; i < head; i++) {
            if (layout.index(DOCUMENTED_LV1_HEAD[i]) != i || layout.kind(i) != DOCUMENTED_LV1_HEAD_KINDS[i]) {
                return false;
            }
        }
        for (int i = head; i < layout.size(); i += 2) {
            if (layout.kind(i) != Kind.INTEGER || layout.kind(i + 1) != Kind.PRICE) {
                return false;
            }
        }
        return true;
    }

    /** Where the last record delivered ended. */
    int stop() {
        return cursor.position();
    }

    /**
     * The trade shape the feed sends, {@code HH:MM:SS.mmm,id,price,quantity}, from {@code from}; {@code ids}
     * and {@code prices} are the layouts of the code's last trade (see {@link WordShape}).
     */
    boolean trade(SubscriptionCode code, WordShape ids, WordShape prices, byte[] buf, int from, int end,
                  QuoteSink sink) {
        int p = from;
        if (!tradeFast || end - p < 18) {
            return false;
        }
        int seconds = Swar.clockSeconds(Swar.word(buf, p));
        long millis = Swar.word(buf, p + 8); // ".mmm," and three more bytes
        if (seconds < 0 || (millis & 0xFF) != '.' || ((millis >>> 32) & 0xFF) != ','
                || Swar.leadingDigits(millis >>> 8) < 3) {
            return false;
        }
        int time = seconds * 1000 + (int) Swar.digitsValue(millis >>> 8, 3);
        p += 13;
        if (end - p >= WIDE_TRADE_TAIL && wideTradeTail(code, ids, prices, time, buf, p, end, sink)) {
            return true;
        }
        return fieldByFieldTradeTail(code, time, buf, p, end, sink);
    }

    /**
     * {@code id,price,quantity} from {@code p} with the cursor's readers, for a trade near the range end or with
     * longer fields: kept apart from {@link #trade} so that the usual trade's code stays small enough to inline.
     */
    private boolean fieldByFieldTradeTail(SubscriptionCode code, int time, byte[] buf, int p, int end, QuoteSink sink) {
        FieldCursor c = cursor;
        c.reset(buf, p, end);
        long tradeId = c.integer();
        if (!c.skipComma()) {
            return false;
        }
        long price = c.decimal(false);
        if (!c.skipComma()) {
            return false;
        }
        long quantity = c.integer();
        if (!c.usual() || !c.atRecordEnd()) {
            return false;
        }
        trade.set(code, time, tradeId, price, quantity);
        sink.onTrade(trade);
        return true;
    }

    /**
     * {@code id,price,quantity} of a trade whose fields are short (at most 7 digits each, 4 decimals), with
     * at least {@link #WIDE_TRADE_TAIL} bytes of the range from {@code p}: each field is one word, and the
     * byte after its digits, read from the same word, is its separator, so no count needs clamping (every
     * byte loaded is inside the range). The usual trade has the id and price layouts of the code's last
     * one and is read here; a new layout is learnt by {@link #learningTradeTail}, kept apart so that this
     * stays small enough for the JIT to inline. False, having delivered nothing, for {@link #trade}'s
     * field-by-field readers to take over.
     */
    private boolean wideTradeTail(SubscriptionCode code, WordShape idShape, WordShape shape, int time, byte[] buf,
                                  int p, int end, QuoteSink sink) {
        long idWord = Swar.word(buf, p);
        if (!idShape.matches(idWord)) {
            return learningTradeTail(code, idShape, shape, time, cursor, buf, p, end, sink);
        }
        int q = p + idShape.width();
        long priceWord = Swar.word(buf, q);
        if (!shape.matches(priceWord)) {
            return learningTradeTail(code, idShape, shape, time, cursor, buf, p, end, sink);
        }
        return quantityAndDeliver(code, time, idShape.value(idWord), shape.value(priceWord), buf,
                q + shape.width(), end, sink);
    }

    /** The end of both tails: the quantity, one word from {@code q}, its record end, then the delivery. */
    private boolean quantityAndDeliver(SubscriptionCode code, int time, long tradeId, long price, byte[] buf, int q,
                                       int end, QuoteSink sink) {
        long w = Swar.word(buf, q);
        int n = Swar.leadingDigits(w);
        int stop = q + n;
        if (n == 0 || n == 8 || !FieldCursor.separatorEnds(buf, stop, end)) {
            return false;
        }
        cursor.moveTo(stop);
        trade.set(code, time, tradeId, price, Swar.digitsValue(w, n));
        sink.onTrade(trade);
        return true;
    }

    /** {@link #wideTradeTail} when the id or price layout is not the last trade's: learns the new one as it reads. */
    private boolean learningTradeTail(SubscriptionCode code, WordShape idShape, WordShape shape, int time, FieldCursor c,
                                      byte[] buf, int p, int end, QuoteSink sink) {
        long w = Swar.word(buf, p);
        long tradeId;
        if (idShape.matches(w)) {
            tradeId = idShape.value(w);
            p += idShape.width();
        } else {
            c.reset(buf, p, end); // the usual trade, its shapes known, never touches the cursor until it is delivered
            tradeId = learnTradeId(idShape, c, w, p);
            if (!c.usual()) {
                return false;
            }
            p = c.position();
        }
        w = Swar.word(buf, p);
        long price;
        if (shape.matches(w)) {
            price = shape.value(w);
            p += shape.width();
        } else {
            c.reset(buf, p, end);
            price = learnPrice(shape, c, buf, w, p);
            if (!c.usual()) {
                return false;
            }
            p = c.position();
        }
        return quantityAndDeliver(code, time, tradeId, price, buf, p, end, sink);
    }

    /**
     * A trade id of 1 to 7 digits and its ',' in the word read from {@code p}, whose layout {@code shape} then
     * learns; the cursor moves after the ',', or gives up for another shape. Kept out of
     * {@link #wideTradeTail} so that the JIT still inlines that whole.
     */
    private static long learnTradeId(WordShape shape, FieldCursor c, long w, int p) {
        int n = Swar.leadingDigits(w);
        if (n == 0 || n == 8 || Swar.byteAt(w, n) != ',') {
            c.giveUp();
            return 0;
        }
        shape.learn(n, 0, false);
        c.moveTo(p + n + 1);
        return Swar.digitsValue(w, n);
    }

    /**
     * A price of 1 to 7 integer digits, then optionally '.' and 1 to 4 decimals, and its ',', from {@code p}
     * (its first word {@code w} already read), as fixed point; {@code shape} learns its layout when it fits one
     * word. The cursor moves after the ',', or gives up for another shape.
     */
    private static long learnPrice(WordShape shape, FieldCursor c, byte[] buf, long w, int p) {
        int n = Swar.leadingDigits(w);
        if (n == 0 || n == 8) {
            c.giveUp();
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
                c.giveUp();
                return 0;
            }
            places = n;
            price += Swar.digitsValue(w, n) * Digits.FRACTION_SCALE[n];
            b = Swar.byteAt(w, n);
            p += n;
        }
        if (b != ',') {
            c.giveUp();
            return 0;
        }
        shape.learn(integerDigits, places, true);
        c.moveTo(p + 1);
        return price;
    }

    /**
     * A level-1 snapshot in the usual shape (docs/PROTOCOL.md §5.1, time {@code HH:MM:SS}, numbers of at most
     * 18 digits and 4 decimal places, all of the layout's fields). {@code entry} is the code's table entry
     * (it remembers the name), or null. The documented layout is read by a straight-line sequence, any
     * other (a vendor swap) field by field in layout order.
     */
    boolean level1(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int from, int end, QuoteSink sink) {
        return level1Documented ? documentedLevel1(entry, code, buf, from, end, sink)
                : layoutLevel1(entry, code, buf, from, end, sink);
    }

    /**
     * {@link RecordLayout#LV1}'s order (checked by {@link #fitsDocumentedLevel1}): time, name, price, change
     * percent, volume, amount, then the book's (quantity, price) pairs written straight into the view. The
     * view's book may be written before the reader gives up; the general path writes all of it again
     * before delivering anything.
     */
    private boolean documentedLevel1(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int from, int end,
                                     QuoteSink sink) {
        FieldCursor c = cursor;
        c.reset(buf, from, end);
        int time = c.clock();
        if (!c.skipComma()) {
            return false;
        }
        int nameStart = c.position();
        c.skipText();
        int nameLength = c.position() - nameStart;
        if (!c.skipComma()) {
            return false;
        }
        long price = c.decimal(false);
        if (!c.skipComma()) {
            return false;
        }
        long change = c.decimal(true);
        if (!c.skipComma()) {
            return false;
        }
        long volume = c.integer();
        if (!c.skipComma()) {
            return false;
        }
        long amount = c.decimal(false);
        long[] book = level1.book;
        for (int i = 0; i < book.length; i += 2) {
            if (!c.skipComma()) {
                return false;
            }
            book[i] = c.integer();
            if (!c.skipComma()) {
                return false;
            }
            book[i + 1] = c.decimal(false);
        }
        if (!c.usual() || !c.atRecordEnd()) {
            return false;
        }
        level1.set(entry, code, time, buf, nameStart, nameLength, price, change, volume, amount);
        sink.onLevel1(level1);
        return true;
    }

    /** Any other lv1 layout: each field read by its layout kind in layout order. */
    private boolean layoutLevel1(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int from, int end,
                                 QuoteSink sink) {
        FieldCursor c = cursor;
        c.reset(buf, from, end);
        Kind[] kinds = level1Kinds;
        long[] values = level1Values;
        int nameStart = from;
        int nameLength = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0 && !c.skipComma()) {
                return false;
            }
            Kind kind = kinds[i];
            if (kind == Kind.INTEGER) {
                values[i] = c.integer();
            } else if (kind == Kind.PRICE) {
                values[i] = c.decimal(false);
            } else if (kind == Kind.SIGNED_PRICE) {
                values[i] = c.decimal(true);
            } else if (kind == Kind.TIME) {
                values[i] = c.clock();
            } else {
                nameStart = c.position();
                c.skipText();
                nameLength = c.position() - nameStart;
            }
        }
        if (!c.usual() || !c.atRecordEnd()) {
            return false;
        }
        long[] book = level1.book;
        System.arraycopy(values, level1Book, book, 0, book.length);
        level1.set(entry, code, (int) values[level1Time], buf, nameStart, nameLength, values[level1Price],
                values[level1Change], values[level1Volume], values[level1Amount]);
        sink.onLevel1(level1);
        return true;
    }
}
