package io.jvq.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jvq.core.TimeOfDay;
import io.jvq.core.event.DecodeError;
import io.jvq.core.event.JvqEvent;
import io.jvq.core.event.Level10Book;
import io.jvq.core.event.Level1Quote;
import io.jvq.core.event.Level2Trade;
import io.jvq.core.event.ServerText;

import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per line (JSON Lines). Prices, percentages and amounts are written as JSON
 * numbers from exact decimals ({@link Decimals}): the digits received, never a binary float.
 * {@code code} is the six-character symbol, without the {@code lvN_} prefix.
 */
public final class JsonEventWriter implements EventWriter {
    private final JsonGenerator json;

    public JsonEventWriter(Writer out) throws IOException {
        this.json = JsonLines.FACTORY.createGenerator(out);
    }

    @Override
    public void write(JvqEvent event) throws IOException {
        json.writeStartObject();
        if (event instanceof Level1Quote quote) {
            level1(quote);
        } else if (event instanceof Level2Trade trade) {
            level2(trade);
        } else if (event instanceof Level10Book book) {
            level10(book);
        } else if (event instanceof ServerText text) {
            json.writeStringField("type", "text");
            json.writeStringField("text", text.text());
        } else if (event instanceof DecodeError error) {
            decodeError(error);
        } else {
            throw new IllegalArgumentException("not a data event: " + event.getClass().getSimpleName());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    private void level1(Level1Quote quote) throws IOException {
        json.writeStringField("type", "lv1");
        json.writeStringField("code", quote.code().symbol());
        json.writeStringField("time", time(quote.timeOfDayMillis()));
        json.writeStringField("name", quote.name());
        decimal("price", quote.price());
        decimal("changePct", quote.changePercent());
        json.writeNumberField("volume", quote.volume());
        decimal("amount", quote.amount());
        json.writeArrayFieldStart("bids");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(quote.bidQuantity(level), quote.bidPrice(level));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("asks");
        for (int level = 1; level <= Level1Quote.DEPTH; level++) {
            pair(quote.askQuantity(level), quote.askPrice(level));
        }
        json.writeEndArray();
    }

    private void level2(Level2Trade trade) throws IOException {
        json.writeStringField("type", "lv2");
        json.writeStringField("code", trade.code().symbol());
        json.writeStringField("time", TimeOfDay.format(trade.timeOfDayMillis(), true));
        json.writeNumberField("tradeId", trade.tradeId());
        decimal("price", trade.price());
        json.writeNumberField("qty", trade.quantity());
    }

    private void level10(Level10Book book) throws IOException {
        json.writeStringField("type", "lv10");
        json.writeStringField("code", book.code().symbol());
        json.writeStringField("time", time(book.timeOfDayMillis()));
        json.writeStringField("name", book.name());
        decimal("price", book.price());
        decimal("lastClose", book.lastClose());
        decimal("amount", book.amount());
        json.writeNumberField("volume", book.volume());
        json.writeArrayFieldStart("bids");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(book.bidQuantity(level), book.bidPrice(level));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("asks");
        for (int level = 1; level <= Level10Book.DEPTH; level++) {
            pair(book.askQuantity(level), book.askPrice(level));
        }
        json.writeEndArray();
    }

    private void decodeError(DecodeError error) throws IOException {
        json.writeStringField("type", "error");
        json.writeStringField("reason", error.reason());
        if (error.code() != null) {
            json.writeStringField("code", symbolOf(error.code()));
        }
        if (!error.excerpt().isEmpty()) {
            json.writeStringField("line", error.excerpt());
        }
    }

    /** {@code lv2_600519 -> 600519}; a code without a prefix is kept as received. */
    static String symbolOf(String wireCode) {
        int underscore = wireCode.indexOf('_');
        return underscore < 0 ? wireCode : wireCode.substring(underscore + 1);
    }

    /** Level-1 and level-10 times are whole seconds on the wire; keep milliseconds only if present. */
    static String time(int millisOfDay) {
        return TimeOfDay.format(millisOfDay, millisOfDay % 1000 != 0);
    }

    private void decimal(String field, long fixed) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(Decimals.of(fixed));
    }

    private void pair(long quantity, long price) throws IOException {
        json.writeStartArray();
        json.writeNumber(quantity);
        json.writeNumber(Decimals.of(price));
        json.writeEndArray();
    }
}
