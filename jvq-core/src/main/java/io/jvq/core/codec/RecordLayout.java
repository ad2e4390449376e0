package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.QuoteLevel;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fields of one record kind in wire order (docs/PROTOCOL.md §5): the one place the order, the names and
 * the kind of number of each field are written. The fast readers ({@link FastRecords}), the general readers
 * ({@link GeneralRecords}) and the error texts ({@link ErrorText}) all take positions, kinds and names from
 * here, so a vendor field swap is a change to one of the tables below (see {@link #swap}).
 * Immutable; the four layouts the feed documents are the constants.
 */
final class RecordLayout {
    /** How a field is written on the wire. */
    enum Kind {
        /** {@code HH:MM:SS} (lv1, lv10) or {@code HH:MM:SS.mmm} (trades). */
        TIME,
        /** UTF-8 text without ',' or '|' (a security name). */
        TEXT,
        /** A non-negative integer of up to 18 digits. */
        INTEGER,
        /** A non-negative fixed-point number, at most {@link FixedPoint#SCALE} decimals. */
        PRICE,
        /** A fixed-point number that may be negative (a change percent), at most {@link FixedPoint#SCALE} decimals. */
        SIGNED_PRICE;

        /** The most decimal places a field of this kind may carry (0 for an integer, time or text). */
        int maxDecimals() {
            return this == PRICE || this == SIGNED_PRICE ? FixedPoint.SCALE : 0;
        }
    }

    /** What a field means to the record it belongs to; the book fields are {@link #BOOK} and told apart by position. */
    enum Role { TIME, NAME, TRADE_ID, PRICE, CHANGE_PERCENT, LAST_CLOSE, VOLUME, AMOUNT, QUANTITY, BOOK }

    /** Which side of the book a {@link Role#BOOK} field belongs to; {@link #NONE} for every other field. */
    enum Side { NONE, BID, ASK }

    /**
     * One field: its 0-based position in the record, its name in error texts, its role and its kind; a book
     * field also its side and its level (1 is the best), its kind telling a quantity from a price.
     */
    record Field(int position, String name, Role role, Kind kind, Side side, int level) {
        /** A field outside the book. */
        Field(int position, String name, Role role, Kind kind) {
            this(position, name, role, kind, Side.NONE, 0);
        }
    }

    /** lv1 snapshot, PROTOCOL §5.1: time, name, price, change percent, volume, amount, then 20 book fields. */
    static final RecordLayout LV1 = level1();
    /** lv2 trade, PROTOCOL §5.2: time, trade id, price, quantity. */
    static final RecordLayout TRADE = new Builder(QuoteLevel.LV2, "lv2 trade")
            .add("time", Role.TIME, Kind.TIME)
            .add("trade id", Role.TRADE_ID, Kind.INTEGER)
            .add("price", Role.PRICE, Kind.PRICE)
            .add("quantity", Role.QUANTITY, Kind.INTEGER)
            .build();
    /** lv10 book, PROTOCOL §5.3: time, name, price, last close, amount, volume, then 40 book fields. */
    static final RecordLayout LV10 = level10();

    private final QuoteLevel level;
    private final String recordKind;
    private final Field[] fields;
    private final Kind[] kinds;
    private final int[] roleIndex = new int[Role.values().length];

    private RecordLayout(QuoteLevel level, String recordKind, Field[] fields) {
        this.level = level;
        this.recordKind = recordKind;
        this.fields = fields;
        this.kinds = new Kind[fields.length];
        Arrays.fill(roleIndex, -1);
        for (Field f : fields) {
            if ((f.role() == Role.BOOK) != (f.side() != Side.NONE)) {
                throw new IllegalArgumentException("a book field needs a side, and only a book field has one: " + f);
            }
            kinds[f.position()] = f.kind();
            if (roleIndex[f.role().ordinal()] < 0) {
                roleIndex[f.role().ordinal()] = f.position();
            }
        }
        int book = roleIndex[Role.BOOK.ordinal()];
        for (int i = Math.max(book, 0); book >= 0 && i < fields.length; i++) {
            if (fields[i].role() != Role.BOOK) {
                throw new IllegalArgumentException("the book fields must come last, together: " + fields[i]);
            }
        }
    }

    QuoteLevel level() {
        return level;
    }

    /** For error texts: {@code lv1 snapshot}, {@code lv2 trade}, {@code lv10 book}. */
    String recordKind() {
        return recordKind;
    }

    /** How many fields the record documents. */
    int size() {
        return fields.length;
    }

    Field field(int position) {
        return fields[position];
    }

    /** The field's name, as error texts give it: {@code field 5 (volume)}. */
    String name(int position) {
        return fields[position].name();
    }

    Kind kind(int position) {
        return kinds[position];
    }

    /** The position of the (first) field with {@code role}, or -1 when this record has none; for {@link Role#BOOK} the first book field. */
    int index(Role role) {
        return roleIndex[role.ordinal()];
    }

    /** Every field, in wire order. */
    List<Field> fields() {
        return List.of(fields);
    }

    /** This layout with the fields of roles {@code a} and {@code b} (not the book) in each other's places: a vendor field swap. */
    RecordLayout swap(Role a, Role b) {
        int i = index(a);
        int j = index(b);
        if (i < 0 || j < 0 || a == Role.BOOK || b == Role.BOOK) {
            throw new IllegalArgumentException(recordKind + " cannot swap " + a + " and " + b);
        }
        Field[] swapped = fields.clone();
        swapped[i] = new Field(i, fields[j].name(), fields[j].role(), fields[j].kind());
        swapped[j] = new Field(j, fields[i].name(), fields[i].role(), fields[i].kind());
        return new RecordLayout(level, recordKind, swapped);
    }

    @Override
    public String toString() {
        return recordKind + " " + Arrays.toString(fields);
    }

    private static RecordLayout level1() {
        Builder b = new Builder(QuoteLevel.LV1, "lv1 snapshot")
                .add("time", Role.TIME, Kind.TIME)
                .add("name", Role.NAME, Kind.TEXT)
                .add("price", Role.PRICE, Kind.PRICE)
                .add("change percent", Role.CHANGE_PERCENT, Kind.SIGNED_PRICE)
                .add("volume", Role.VOLUME, Kind.INTEGER)
                .add("amount", Role.AMOUNT, Kind.PRICE);
        // Five bid (quantity, price) pairs, then five ask pairs: the order of Level1Quote#book().
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            for (int level = 1; level <= Level1Quote.DEPTH; level++) {
                b.book(side, level, Kind.INTEGER);
                b.book(side, level, Kind.PRICE);
            }
        }
        return b.build();
    }

    private static RecordLayout level10() {
        Builder b = new Builder(QuoteLevel.LV10, "lv10 book")
                .add("time", Role.TIME, Kind.TIME)
                .add("name", Role.NAME, Kind.TEXT)
                .add("price", Role.PRICE, Kind.PRICE)
                .add("last close", Role.LAST_CLOSE, Kind.PRICE)
                .add("amount", Role.AMOUNT, Kind.PRICE)
                .add("volume", Role.VOLUME, Kind.INTEGER);
        // b1p..b10p, b1q..b10q, a1p..a10p, a1q..a10q: the order of Level10Book#book().
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            for (int level = 1; level <= Level10Book.DEPTH; level++) {
                b.book(side, level, Kind.PRICE);
            }
            for (int level = 1; level <= Level10Book.DEPTH; level++) {
                b.book(side, level, Kind.INTEGER);
            }
        }
        return b.build();
    }

    private static final class Builder {
        private final QuoteLevel level;
        private final String recordKind;
        private final List<Field> fields = new ArrayList<>();

        Builder(QuoteLevel level, String recordKind) {
            this.level = level;
            this.recordKind = recordKind;
        }

        Builder add(String name, Role role, Kind kind) {
            fields.add(new Field(fields.size(), name, role, kind));
            return this;
        }

        /** A book field, named as error texts give it: {@code bid 1 quantity}, {@code ask 10 price}. */
        Builder book(Side side, int level, Kind kind) {
            String name = side.name().toLowerCase(Locale.ROOT) + " " + level + (kind == Kind.INTEGER ? " quantity" : " price");
            fields.add(new Field(fields.size(), name, Role.BOOK, kind, side, level));
            return this;
        }

        RecordLayout build() {
            return new RecordLayout(level, recordKind, fields.toArray(new Field[0]));
        }
    }
}
