package io.jvq.core.codec;

import io.jvq.core.FixedPoint;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntSupplier;
import java.util.zip.Deflater;

/** A test-side encoder: writes events back in the wire's text form, and deflates frames as the server does. */
final class WireText {
    private WireText() {
    }

    /** Fixed point as a plain decimal with {@code decimals} places (at least as many as it needs). */
    static String decimal(long fixed, int decimals) {
        String s = FixedPoint.toBigDecimal(fixed).stripTrailingZeros().toPlainString();
        int have = s.indexOf('.') < 0 ? 0 : s.length() - s.indexOf('.') - 1;
        if (have >= decimals) {
            return s;
        }
        StringBuilder out = new StringBuilder(s);
        if (have == 0) {
            out.append('.');
        }
        for (int i = have; i < decimals; i++) {
            out.append('0');
        }
        return out.toString();
    }

    static String decimal(long fixed) {
        return decimal(fixed, 2);
    }

    /** The payload of one lv1 snapshot (no code), decimals written with two places. */
    static String snapshot(Level1Quote q) {
        return snapshot(q, () -> 2);
    }

    /** @param places how many decimal places to write each decimal with (more when it needs them) */
    static String snapshot(Level1Quote q, IntSupplier places) {
        StringJoiner out = new StringJoiner(",");
        out.add(TimeOfDay.format(q.timeOfDayMillis(), false)).add(q.name())
                .add(decimal(q.price(), places.getAsInt())).add(decimal(q.changePercent(), places.getAsInt()))
                .add(Long.toString(q.volume())).add(decimal(q.amount(), places.getAsInt()));
        long[] book = q.book();
        for (int i = 0; i < book.length; i++) {
            out.add(i % 2 == 0 ? Long.toString(book[i]) : decimal(book[i], places.getAsInt()));
        }
        return out.toString();
    }

    static String line(Level1Quote q) {
        return q.code().wire() + "=" + snapshot(q);
    }

    /** One trade, time first ({@code HH:MM:SS.mmm,id,price,qty}) or id first. */
    static String trade(Level2Trade t, boolean idFirst) {
        return trade(t, idFirst, 2);
    }

    static String trade(Level2Trade t, boolean idFirst, int places) {
        String time = TimeOfDay.format(t.timeOfDayMillis(), true);
        String id = Long.toString(t.tradeId());
        return (idFirst ? id + "," + time : time + "," + id) + "," + decimal(t.price(), places) + "," + t.quantity();
    }

    static String line(Level2Trade t) {
        return t.code().wire() + "=" + trade(t, false);
    }

    static String book(Level10Book b) {
        return book(b, () -> 2);
    }

    static String book(Level10Book b, IntSupplier places) {
        StringJoiner out = new StringJoiner(",");
        out.add(TimeOfDay.format(b.timeOfDayMillis(), false)).add(b.name())
                .add(decimal(b.price(), places.getAsInt())).add(decimal(b.lastClose(), places.getAsInt()))
                .add(decimal(b.amount(), places.getAsInt())).add(Long.toString(b.volume()));
        long[] book = b.book();
        for (int i = 0; i < book.length; i++) {
            boolean quantity = (i / Level10Book.DEPTH) % 2 == 1;
            out.add(quantity ? Long.toString(book[i]) : decimal(book[i], places.getAsInt()));
        }
        return out.toString();
    }

    static String line(Level10Book b) {
        return b.code().wire() + "=" + book(b);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Raw DEFLATE, as the server sends it: {@code new Deflater(DEFAULT_COMPRESSION, true)}, finished. */
    static byte[] deflate(byte[] text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(text);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 4 + 64);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] deflate(String text) {
        return deflate(utf8(text));
    }
}
