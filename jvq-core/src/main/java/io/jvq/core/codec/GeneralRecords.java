package io.jvq.core.codec;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.core.codec.RecordLayout.Kind;
import io.jvq.core.codec.RecordLayout.Role;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.DecodeNotice;
import org.jspecify.annotations.Nullable;

/**
 * The general path: a payload split on '|' into records, each record split on ',' into fields
 * ({@link Fields}), each field read by the kind its {@link RecordLayout} gives it, and the record either
 * delivered through the reused view or reported as a {@link DecodeError} naming the field. Takes every
 * shape PROTOCOL §6 tolerates (id-first trades, extra trailing fields, an lv1 index without a book,
 * long numbers, trailing zero decimals); the fast path hands it whatever it does not take.
 */
final class GeneralRecords {
    private final Fields fields = new Fields();
    private final RecordLayout level1Layout;
    private final RecordLayout tradeLayout;
    /** The trade with the id before the time (PROTOCOL §6): told apart by the ':' of the time. */
    private final RecordLayout tradeIdFirst;
    private final RecordLayout level10Layout;
    private final long[] values;
    private final Level1View level1;
    private final TradeView trade;
    private final Level10View level10;
    /** Records delivered although they had more fields than documented (the extra ones ignored). */
    private long extraFieldRecords;
    /** Records this path delivered (for tests: which path took a record). */
    private long delivered;
    /** Per record kind: whether the extra-fields notice has been given (once per parser, i.e. per connection). */
    private final boolean[] extraFieldsNoticed = new boolean[QuoteLevel.values().length];

    GeneralRecords(RecordLayout level1Layout, RecordLayout tradeLayout, RecordLayout level10Layout,
                   Level1View level1, TradeView trade, Level10View level10) {
        this.level1Layout = level1Layout;
        this.tradeLayout = tradeLayout;
        this.tradeIdFirst = tradeLayout.swap(Role.TIME, Role.TRADE_ID);
        this.level10Layout = level10Layout;
        this.values = new long[Math.max(level1Layout.size(), Math.max(tradeLayout.size(), level10Layout.size()))];
        this.level1 = level1;
        this.trade = trade;
        this.level10 = level10;
    }

    long extraFieldRecords() {
        return extraFieldRecords;
    }

    long delivered() {
        return delivered;
    }

    private RecordLayout layout(QuoteLevel level) {
        return level == QuoteLevel.LV1 ? level1Layout : level == QuoteLevel.LV2 ? tradeLayout : level10Layout;
    }

    /**
     * Each non-empty '|'-separated part of the payload {@code [payloadFrom, to)} is one record; parsing
     * starts at {@code resumeFrom}, after {@code partsBefore} records the fast path already delivered.
     * {@code entry} is the code's table entry, or null when the table does not keep it.
     */
    void records(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int lineFrom, int payloadFrom,
                 int resumeFrom, int partsBefore, int to, QuoteSink sink) {
        int partStart = resumeFrom;
        int partNumber = partsBefore;
        String kind = layout(code.level()).recordKind();
        for (int i = resumeFrom; i <= to; i++) {
            if (i < to && buf[i] != '|') {
                continue;
            }
            if (i > partStart) {
                partNumber++;
                String problem = record(entry, code, buf, partStart, i, sink);
                if (problem != null) {
                    int parts = countParts(buf, payloadFrom, to);
                    String where = parts == 1 ? kind + ": " : kind + " " + partNumber + " of " + parts + ": ";
                    sink.onError(new DecodeError(code.wire(), parts == 1 ? ErrorText.excerpt(buf, lineFrom, to)
                            : ErrorText.excerpt(buf, partStart, i), where + problem));
                } else {
                    delivered++;
                }
            }
            partStart = i + 1;
        }
        if (partNumber == 0) {
            sink.onError(new DecodeError(code.wire(), ErrorText.excerpt(buf, lineFrom, to),
                    "empty payload: no " + kind + " after '='"));
        }
    }

    /** Parses and delivers one record; returns what was wrong, or null when it was delivered. */
    private @Nullable String record(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int from, int to,
                          QuoteSink sink) {
        switch (code.level()) {
            case LV1:
                return level1(entry, code, buf, from, to, sink);
            case LV2:
                return trade(code, buf, from, to, sink);
            case LV10:
                return level10(entry, code, buf, from, to, sink);
            default:
                throw new AssertionError(code.level());
        }
    }

    /** Reads the first {@code count} fields by their kinds into {@link #values} (a name is left where it is). */
    private void read(RecordLayout layout, int count) {
        Fields f = fields;
        long[] v = values;
        for (int i = 0; i < count; i++) {
            Kind kind = layout.kind(i);
            switch (kind) {
                case TIME:
                    v[i] = f.time(i);
                    break;
                case INTEGER:
                    v[i] = f.integer(i);
                    break;
                case PRICE:
                    v[i] = f.decimal(i, false);
                    break;
                case SIGNED_PRICE:
                    v[i] = f.decimal(i, true);
                    break;
                default:
                    v[i] = 0;
                    break;
            }
        }
    }

    private @Nullable String level1(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int from, int to,
                          QuoteSink sink) {
        RecordLayout layout = level1Layout;
        Fields f = fields;
        f.locate(buf, from, to);
        int bookAt = layout.index(Role.BOOK);
        boolean index = f.count() == bookAt;
        if (f.count() < layout.size() && !index) {
            return ErrorText.missingFields(layout, f.count()) + " (or " + bookAt + " for an index without a book)";
        }
        read(layout, index ? bookAt : layout.size());
        if (!f.ok()) {
            return f.describeProblem(layout);
        }
        long[] book = level1.book;
        for (int i = 0; i < book.length; i++) {
            book[i] = index ? 0 : values[bookAt + i];
        }
        int name = layout.index(Role.NAME);
        level1.set(entry, code, (int) values[layout.index(Role.TIME)], buf, f.start(name), f.length(name),
                values[layout.index(Role.PRICE)], values[layout.index(Role.CHANGE_PERCENT)],
                values[layout.index(Role.VOLUME)], values[layout.index(Role.AMOUNT)]);
        sink.onLevel1(level1);
        extraFields(code, layout, buf, from, to, sink);
        return null;
    }

    private @Nullable String trade(SubscriptionCode code, byte[] buf, int from, int to, QuoteSink sink) {
        Fields f = fields;
        f.locate(buf, from, to);
        RecordLayout layout = tradeLayout;
        if (f.count() < layout.size()) {
            return ErrorText.missingFields(layout, f.count());
        }
        int timeAt = layout.index(Role.TIME);
        int idAt = layout.index(Role.TRADE_ID);
        if (!f.contains(timeAt, (byte) ':')) {
            if (!f.contains(idAt, (byte) ':')) {
                return "no trade time: neither field " + (timeAt + 1) + " nor field " + (idAt + 1)
                        + " holds HH:MM:SS.mmm";
            }
            layout = tradeIdFirst;
        }
        read(layout, layout.size());
        if (!f.ok()) {
            return f.describeProblem(layout);
        }
        trade.set(code, (int) values[layout.index(Role.TIME)], values[layout.index(Role.TRADE_ID)],
                values[layout.index(Role.PRICE)], values[layout.index(Role.QUANTITY)]);
        sink.onTrade(trade);
        extraFields(code, layout, buf, from, to, sink);
        return null;
    }

    private @Nullable String level10(CodeTable.@Nullable Entry entry, SubscriptionCode code, byte[] buf, int from, int to, QuoteSink sink) {
        RecordLayout layout = level10Layout;
        Fields f = fields;
        f.locate(buf, from, to);
        if (f.count() < layout.size()) {
            return ErrorText.missingFields(layout, f.count());
        }
        read(layout, layout.size());
        if (!f.ok()) {
            return f.describeProblem(layout);
        }
        long[] book = level10.book;
        System.arraycopy(values, layout.index(Role.BOOK), book, 0, book.length);
        int name = layout.index(Role.NAME);
        level10.set(entry, code, (int) values[layout.index(Role.TIME)], buf, f.start(name), f.length(name),
                values[layout.index(Role.PRICE)], values[layout.index(Role.LAST_CLOSE)],
                values[layout.index(Role.AMOUNT)], values[layout.index(Role.VOLUME)]);
        sink.onLevel10(level10);
        extraFields(code, layout, buf, from, to, sink);
        return null;
    }

    /** After a record with the layout's fields or more was delivered: counts and notes any extra ones. */
    private void extraFields(SubscriptionCode code, RecordLayout layout, byte[] buf, int from, int to,
                             QuoteSink sink) {
        int documented = layout.size();
        int extra = fields.count() - documented;
        if (extra <= 0) {
            return;
        }
        extraFieldRecords++;
        int kind = code.level().ordinal();
        if (!extraFieldsNoticed[kind]) {
            extraFieldsNoticed[kind] = true;
            sink.onNotice(new DecodeNotice(code.level(), code.wire(), ErrorText.excerpt(buf, from, to),
                    layout.recordKind() + " with " + fields.count() + " fields where " + documented
                            + " are documented: the " + extra + " extra trailing field(s) are ignored"
                            + " (said once per connection; every such record is counted)"));
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
}
