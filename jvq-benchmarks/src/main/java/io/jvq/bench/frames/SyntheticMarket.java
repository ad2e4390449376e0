package io.jvq.bench.frames;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic stand-in for the market: a few thousand securities (main board, ChiNext, STAR,
 * convertible bonds) with Chinese names, prices on their tick grid, rising trade ids and
 * cumulative volume, written as the wire lines of docs/PROTOCOL.md §5.1 and §5.2. Activity is skewed
 * (a few names trade a lot, most rarely), and digits vary the way real ones do, so frames
 * compress about as well as real pushes rather than collapsing to repeated text.
 */
public final class SyntheticMarket {
    private static final String[] SYMBOL_PREFIXES = {
            "600", "601", "603", "605", "000", "001", "002", "003", "300", "301", "688"};
    private static final String[] BOND_PREFIXES = {"110", "113", "123", "127", "128"};
    private static final String NAME_CHARS =
            "中国平安银行招商贵州茅台宁德时代比亚迪五粮液美的集团格力电器海天味业长江电力紫金矿业"
                    + "东方财富万科恒瑞医药药明康德隆基绿能工商农业建设交通兴业浦发光大华夏民生"
                    + "科技新材能源控股股份实业发展电子通信汽车化工钢铁有色证券保险";
    private static final int SESSION_OPEN = millis(9, 30, 0);
    private static final int MORNING_CLOSE = millis(11, 30, 0);
    private static final int AFTERNOON_OPEN = millis(13, 0, 0);
    private static final int SESSION_CLOSE = millis(15, 0, 0);

    private final Random random;
    private final Security[] securities;
    /** Cumulative activity weights (Zipf-like), for picking which security ticks next. */
    private final double[] cumulativeWeight;
    /** Frame number in which each security last appeared, so a code appears once a frame. */
    private final int[] lastFrame;
    private int frame;
    private int clock = SESSION_OPEN;

    public SyntheticMarket(long seed, int securityCount) {
        if (securityCount < 1) {
            throw new IllegalArgumentException("securityCount must be positive, got " + securityCount);
        }
        this.random = new Random(seed);
        this.securities = new Security[securityCount];
        this.cumulativeWeight = new double[securityCount];
        this.lastFrame = new int[securityCount];
        Set<String> symbols = new HashSet<>();
        double total = 0;
        for (int i = 0; i < securityCount; i++) {
            boolean bond = random.nextInt(10) == 0;
            String symbol;
            do {
                String[] prefixes = bond ? BOND_PREFIXES : SYMBOL_PREFIXES;
                symbol = prefixes[random.nextInt(prefixes.length)] + String.format("%03d", random.nextInt(1000));
            } while (!symbols.add(symbol));
            securities[i] = newSecurity(symbol, bond);
            total += 1.0 / (i + 1);
            cumulativeWeight[i] = total;
            lastFrame[i] = -1;
        }
    }

    /** How many securities this market holds (distinct codes per level). */
    public int securityCount() {
        return securities.length;
    }

    /**
     * The inflated text of one frame: whole lines of the given mix, each code at most once, as
     * many as fit in {@code targetBytes} of UTF-8 (at least one line).
     */
    public GeneratedFrame nextFrame(FrameMix mix, int targetBytes) {
        frame++;
        advanceClock(mix == FrameMix.LV1 ? 3000 : 20 + random.nextInt(200));
        StringBuilder text = new StringBuilder(targetBytes);
        StringBuilder line = new StringBuilder(256);
        int bytes = 0;
        int events = 0;
        int lines = 0;
        while (lines < securities.length) {
            int index = pickUnusedSecurity();
            line.setLength(0);
            int lineEvents = mix == FrameMix.LV1 ? appendLv1(line, securities[index]) : appendLv2(line, securities[index]);
            line.append('\n');
            int lineBytes = utf8Length(line);
            if (lines > 0 && bytes + lineBytes > targetBytes) {
                break;
            }
            text.append(line);
            bytes += lineBytes;
            events += lineEvents;
            lines++;
        }
        byte[] inflated = text.toString().getBytes(StandardCharsets.UTF_8);
        return new GeneratedFrame(inflated, lines, events);
    }

    private int pickUnusedSecurity() {
        for (int attempt = 0; attempt < 64; attempt++) {
            double x = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
            int index = java.util.Arrays.binarySearch(cumulativeWeight, x);
            index = index >= 0 ? index : -index - 1;
            if (lastFrame[index] != frame) {
                lastFrame[index] = frame;
                return index;
            }
        }
        for (int index = 0; index < lastFrame.length; index++) {
            if (lastFrame[index] != frame) {
                lastFrame[index] = frame;
                return index;
            }
        }
        throw new IllegalStateException("every security is already in this frame");
    }

    /** {@code lv1_600519=14:59:59,贵州茅台,1700.50,1.23,vol,amount,b1q,b1p,…,a5q,a5p}; one snapshot. */
    private int appendLv1(StringBuilder out, Security s) {
        walk(s);
        int traded = 100 * (1 + random.nextInt(300));
        s.volume += traded;
        s.amount += (long) traded * s.price * 100 / s.scale;
        out.append("lv1_").append(s.symbol).append('=');
        appendTime(out, clock, false);
        out.append(',').append(s.name).append(',');
        appendFixed(out, s.price, s.decimals);
        out.append(',');
        appendFixed(out, (s.price - s.previousClose) * 10_000 / s.previousClose, 2);
        out.append(',').append(s.volume).append(',');
        appendFixed(out, s.amount, 2);
        boolean limitUp = random.nextInt(100) == 0;
        for (int side = 0; side < 2; side++) {
            long price = s.price;
            for (int level = 1; level <= 5; level++) {
                if (side == 1 && limitUp) {
                    out.append(",0,0");
                    continue;
                }
                // Bids step down from the last price, asks up; a level is one or two ticks from the next.
                price += (side == 0 ? -1L : 1L) * (1 + random.nextInt(2));
                out.append(',').append(100L * (1 + random.nextInt(random.nextBoolean() ? 50 : 2000))).append(',');
                appendFixed(out, Math.max(1, price), s.decimals);
            }
        }
        return 1;
    }

    /** {@code lv2_600519=09:30:00.120,1234567,1700.50,100|…}; one to a dozen trades. */
    private int appendLv2(StringBuilder out, Security s) {
        int trades = 1;
        while (trades < 12 && random.nextInt(100) < 45) {
            trades++;
        }
        out.append("lv2_").append(s.symbol).append('=');
        int time = clock;
        for (int t = 0; t < trades; t++) {
            if (t > 0) {
                out.append('|');
            }
            walk(s);
            time += random.nextInt(3) == 0 ? random.nextInt(40) : 0;
            s.tradeId += 1 + random.nextInt(random.nextInt(4) == 0 ? 400 : 8);
            long quantity = s.bond ? 10L * (1 + random.nextInt(100))
                    : random.nextInt(20) == 0 ? 1 + random.nextInt(99) : 100L * (1 + random.nextInt(random.nextBoolean() ? 10 : 500));
            appendTime(out, time, true);
            out.append(',').append(s.tradeId).append(',');
            appendFixed(out, s.price, s.decimals);
            out.append(',').append(quantity);
        }
        return trades;
    }

    /** Moves the price a tick or two, staying within ±10% of the previous close. */
    private void walk(Security s) {
        int r = random.nextInt(10);
        long step = r < 3 ? -1 : r < 6 ? 1 : r == 6 ? 2 : r == 7 ? -2 : 0;
        long next = s.price + step;
        if (next > s.previousClose * 11 / 10 || next < s.previousClose * 9 / 10 || next <= 0) {
            next = s.price - step;
        }
        s.price = next;
    }

    private Security newSecurity(String symbol, boolean bond) {
        Security s = new Security();
        s.symbol = symbol;
        s.bond = bond;
        s.decimals = bond ? 3 : 2;
        long scale = bond ? 1000 : 100;
        s.scale = scale;
        double yuan = bond ? 100 + random.nextDouble() * 150
                : Math.exp(Math.log(2) + random.nextDouble() * Math.log(150)) * (random.nextInt(200) == 0 ? 10 : 1);
        s.previousClose = Math.max(10, Math.round(yuan * scale));
        s.price = s.previousClose;
        s.tradeId = 100_000L + random.nextInt(9_000_000);
        s.volume = random.nextInt(5_000_000);
        s.amount = s.volume * s.price * 100 / scale;
        StringBuilder name = new StringBuilder(6);
        if (!bond && random.nextInt(40) == 0) {
            name.append("ST");
        }
        int length = bond ? 2 : 3 + random.nextInt(2);
        for (int i = 0; i < length; i++) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        if (bond) {
            name.append("转债");
        }
        s.name = name.toString();
        return s;
    }

    private void advanceClock(int millis) {
        clock += millis;
        if (clock >= MORNING_CLOSE && clock < AFTERNOON_OPEN) {
            clock = AFTERNOON_OPEN + (clock - MORNING_CLOSE);
        }
        if (clock >= SESSION_CLOSE) {
            clock = SESSION_OPEN;
        }
    }

    private static int millis(int hour, int minute, int second) {
        return ((hour * 60 + minute) * 60 + second) * 1000;
    }

    /** {@code HH:MM:SS} or {@code HH:MM:SS.mmm}. */
    static void appendTime(StringBuilder out, int millisOfDay, boolean withMillis) {
        int seconds = millisOfDay / 1000;
        two(out, seconds / 3600).append(':');
        two(out, seconds / 60 % 60).append(':');
        two(out, seconds % 60);
        if (withMillis) {
            int ms = millisOfDay % 1000;
            out.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
        }
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code units} in 1/10^decimals, e.g. (170050, 2) is {@code 1700.50}; negative values get a '-'. */
    static void appendFixed(StringBuilder out, long units, int decimals) {
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        out.append(units / scale).append('.');
        String fraction = Long.toString(units % scale);
        for (int i = fraction.length(); i < decimals; i++) {
            out.append('0');
        }
        out.append(fraction);
    }

    private static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    /** One security's state as the market moves. Prices in units of its last decimal place (one tick). */
    private static final class Security {
        String symbol;
        String name;
        boolean bond;
        int decimals;
        /** Units per yuan: 100 for stocks (0.01 tick), 1000 for bonds (0.001). */
        long scale;
        long previousClose;
        long price;
        long tradeId;
        long volume;
        /** Turnover in 1/100 yuan. */
        long amount;
    }
}
