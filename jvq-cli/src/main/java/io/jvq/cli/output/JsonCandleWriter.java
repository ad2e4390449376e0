package io.jvq.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jvq.core.candle.Candle;

import java.io.IOException;
import java.io.Writer;

/**
 * A bar as one JSON object per line, prices and the amount exact in their shortest form
 * ({@link Decimals#shortest}):
 * <pre>
 * {"type":"candle","code":"600519","period":"1m","end":"09:31","open":1700.5,"high":1701,"low":1699.9,
 *  "close":1700.2,"volume":12300,"amount":20912345.5,"trades":41,"partial":false}
 * </pre>
 */
public final class JsonCandleWriter implements CandleOutput {
    private final JsonGenerator json;

    public JsonCandleWriter(Writer out) throws IOException {
        this.json = JsonLines.FACTORY.createGenerator(out);
    }

    @Override
    public void write(Candle bar) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "candle");
        json.writeStringField("code", bar.symbol());
        json.writeStringField("period", bar.period().label());
        json.writeStringField("end", bar.endText());
        decimal("open", bar.open());
        decimal("high", bar.high());
        decimal("low", bar.low());
        decimal("close", bar.close());
        json.writeNumberField("volume", bar.volume());
        decimal("amount", bar.amount());
        json.writeNumberField("trades", bar.trades());
        json.writeBooleanField("partial", bar.partial());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    private void decimal(String field, long fixed) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(Decimals.shortest(fixed));
    }
}
