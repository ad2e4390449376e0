package io.jvq.bench.baseline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What users of the feed write today, after the vendor's demo (inflate, decode to a string, split):
 * a new {@link Inflater} per frame, a {@link ByteArrayOutputStream}, one {@link String} for the
 * frame, {@link String#split} on {@code \n}, {@code =}, {@code |} and {@code ,}, and
 * {@link Double#parseDouble} for every number, into small objects. It is the baseline jvq is
 * measured against, kept honest: it ends its inflater and checks the field counts.
 */
public final class VendorDemoDecoder {

    /** One level-2 trade the demo way: strings and doubles. */
    public record Trade(String code, String time, double tradeId, double price, double quantity) {
    }

    /** One level-1 snapshot the demo way. */
    public record Snapshot(String code, String time, String name, double price, double changePercent,
                           double volume, double amount, double[] book) {
    }

    /** Inflates one frame and parses every line; records come back in frame order. */
    public List<Object> decode(byte[] frame) throws DataFormatException {
        return parse(inflate(frame));
    }

    static String inflate(byte[] frame) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(frame);
            ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length * 3);
            byte[] chunk = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated frame");
                }
                out.write(chunk, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }

    /** Parses inflated text: the demo's split-and-parseDouble. */
    public List<Object> parse(String text) {
        List<Object> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] keyValue = line.split("=");
            String code = keyValue[0];
            if (code.startsWith("lv1_")) {
                for (String snapshot : keyValue[1].split("\\|")) {
                    records.add(snapshot(code, snapshot.split(",")));
                }
            } else if (code.startsWith("lv2_")) {
                for (String trade : keyValue[1].split("\\|")) {
                    String[] f = trade.split(",");
                    if (f.length != 4) {
                        throw new IllegalArgumentException("lv2 trade needs 4 fields, got " + f.length + ": " + trade);
                    }
                    records.add(new Trade(code, f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3])));
                }
            }
        }
        return records;
    }

    private static Snapshot snapshot(String code, String[] f) {
        if (f.length != 26) {
            throw new IllegalArgumentException("lv1 snapshot needs 26 fields, got " + f.length + " for " + code);
        }
        double[] book = new double[20];
        for (int i = 0; i < book.length; i++) {
            book[i] = Double.parseDouble(f[6 + i]);
        }
        return new Snapshot(code, f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5]), book);
    }
}
