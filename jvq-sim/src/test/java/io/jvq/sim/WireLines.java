package io.jvq.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A deliberately naive test-side reading of the simulator's text (String.split is fine here). */
final class WireLines {
    private WireLines() {
    }

    /** One {@code code=payload} line. */
    record Line(String flag, String symbol, String payload) {
        static Line parse(String line) {
            int eq = line.indexOf('=');
            int underscore = line.indexOf('_');
            assertThat(eq).as("'=' in %s", line).isPositive();
            assertThat(underscore).as("'_' in %s", line).isPositive().isLessThan(eq);
            return new Line(line.substring(0, underscore), line.substring(underscore + 1, eq), line.substring(eq + 1));
        }

        String[] fields() {
            return payload.split(",", -1);
        }
    }

    /** One book level as written: quantity and price text. */
    record Level(long quantity, String priceText) {
        BigDecimal price() {
            return new BigDecimal(priceText);
        }

        boolean empty() {
            return quantity == 0 && priceText.equals("0");
        }
    }

    record Lv1(String symbol, String time, String name, String priceText, String changeText, long volume,
               String amountText, List<Level> bids, List<Level> asks) {
        BigDecimal price() {
            return new BigDecimal(priceText);
        }

        BigDecimal amount() {
            return new BigDecimal(amountText);
        }
    }

    record Trade(String symbol, String time, long id, String priceText, long quantity) {
        BigDecimal price() {
            return new BigDecimal(priceText);
        }
    }

    record Lv10(String symbol, String time, String name, String priceText, String lastCloseText, String amountText,
                long volume, List<Level> bids, List<Level> asks) {
        BigDecimal lastClose() {
            return new BigDecimal(lastCloseText);
        }
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(Line.parse(line));
            }
        }
        return lines;
    }

    static Lv1 lv1(Line line) {
        assertThat(line.flag()).isEqualTo("lv1");
        String[] f = line.fields();
        assertThat(f).as("lv1 fields of %s", line).hasSize(26);
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bids.add(new Level(Long.parseLong(f[6 + 2 * i]), f[7 + 2 * i]));
            asks.add(new Level(Long.parseLong(f[16 + 2 * i]), f[17 + 2 * i]));
        }
        return new Lv1(line.symbol(), f[0], f[1], f[2], f[3], Long.parseLong(f[4]), f[5], bids, asks);
    }

    static List<Trade> lv2(Line line) {
        assertThat(line.flag()).isEqualTo("lv2");
        List<Trade> trades = new ArrayList<>();
        for (String trade : line.payload().split("\\|", -1)) {
            String[] f = trade.split(",", -1);
            assertThat(f).as("lv2 trade fields of %s", trade).hasSize(4);
            trades.add(new Trade(line.symbol(), f[0], Long.parseLong(f[1]), f[2], Long.parseLong(f[3])));
        }
        return trades;
    }

    static Lv10 lv10(Line line) {
        assertThat(line.flag()).isEqualTo("lv10");
        String[] f = line.fields();
        assertThat(f).as("lv10 fields of %s", line).hasSize(46);
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bids.add(new Level(Long.parseLong(f[16 + i]), f[6 + i]));
            asks.add(new Level(Long.parseLong(f[36 + i]), f[26 + i]));
        }
        return new Lv10(line.symbol(), f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]), bids, asks);
    }

    /** Decimals a price of this symbol must have: 3 for bonds (11/12) and funds (15/16/5), else 2. */
    static int priceDecimals(String symbol) {
        return isBond(symbol) || isFund(symbol) ? 3 : 2;
    }

    static int lot(String symbol) {
        return isBond(symbol) ? 10 : 100;
    }

    static boolean isBond(String symbol) {
        return symbol.startsWith("11") || symbol.startsWith("12");
    }

    static boolean isFund(String symbol) {
        return symbol.startsWith("15") || symbol.startsWith("16") || symbol.startsWith("5");
    }

    static boolean isGrowthBoard(String symbol) {
        return symbol.startsWith("300") || symbol.startsWith("301") || symbol.startsWith("688") || symbol.startsWith("689");
    }

    /** The daily limit in percent, as the exchanges set it. */
    static int limitPercent(String symbol, String name) {
        if (isGrowthBoard(symbol) || isBond(symbol) || symbol.startsWith("i")) {
            return 20;
        }
        if (!isFund(symbol) && (name.startsWith("ST") || name.startsWith("*ST"))) {
            return 5;
        }
        return 10;
    }

    static BigDecimal limitUp(String symbol, String name, BigDecimal lastClose) {
        return lastClose.multiply(BigDecimal.valueOf(100 + limitPercent(symbol, name))).movePointLeft(2)
                .setScale(priceDecimals(symbol), RoundingMode.HALF_UP);
    }

    static BigDecimal limitDown(String symbol, String name, BigDecimal lastClose) {
        return lastClose.multiply(BigDecimal.valueOf(100 - limitPercent(symbol, name))).movePointLeft(2)
                .setScale(priceDecimals(symbol), RoundingMode.HALF_UP);
    }

    /** Milliseconds of day from {@code HH:MM:SS[.mmm]}. */
    static int millis(String time) {
        int ms = time.length() > 8 ? Integer.parseInt(time.substring(9)) : 0;
        return ((Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5))) * 60
                + Integer.parseInt(time.substring(6, 8))) * 1000 + ms;
    }
}
