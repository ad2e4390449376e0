package io.jvq.sim;

import io.jvq.core.market.Board;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Names and previous closes: real names and round, plausible prices for a few well-known codes,
 * deterministic made-up ones for every other symbol (names depend on the symbol only, previous
 * closes on the symbol and the market's seed).
 */
final class SecurityCatalog {

    private record Known(String name, long prevCloseMilli) {
    }

    private static final Map<String, Known> KNOWN = Map.ofEntries(
            Map.entry("600519", new Known("贵州茅台", 1_500_000)),
            Map.entry("000001", new Known("平安银行", 11_500)),
            Map.entry("601318", new Known("中国平安", 52_300)),
            Map.entry("600036", new Known("招商银行", 40_100)),
            Map.entry("000858", new Known("五粮液", 130_000)),
            Map.entry("300750", new Known("宁德时代", 250_000)),
            Map.entry("688981", new Known("中芯国际", 90_000)),
            Map.entry("002594", new Known("比亚迪", 330_000)),
            Map.entry("601012", new Known("隆基绿能", 17_500)),
            Map.entry("600112", new Known("*ST天成", 2_500)),
            Map.entry("127063", new Known("贵轮转债", 125_000)),
            Map.entry("510300", new Known("沪深300ETF", 3_900)),
            Map.entry("159915", new Known("创业板ETF", 2_100)),
            Map.entry("i000001", new Known("上证指数", 3_300_000)),
            Map.entry("i399001", new Known("深证成指", 10_500_000)),
            Map.entry("i399006", new Known("创业板指", 2_100_000)));

    private static final String[] FIRST = {
        "华", "中", "东", "金", "海", "新", "国", "天", "南", "北", "宏", "长", "恒", "鼎", "瑞", "康",
        "泰", "博", "信", "盛", "远", "兴", "嘉", "润", "安", "德", "光", "永", "正", "通", "明", "凯"};
    private static final String[] SECOND = {
        "达", "丰", "源", "科", "联", "胜", "晟", "诚", "宇", "阳", "辰", "星", "川", "峰", "林", "航"};
    private static final String[] TRADE = {
        "科技", "股份", "电子", "药业", "材料", "能源", "智能", "医疗", "电气", "化工", "机械", "环境",
        "传媒", "食品", "物流", "精密", "通信", "软件", "控股", "生物", "新材", "重工", "光电", "矿业"};

    /** Blocks of the full-market list: three-digit prefix and how many symbols it holds. */
    private static final String[] BLOCK_PREFIXES = {
        "600", "601", "603", "605", "688", "000", "001", "002", "003", "300", "301"};
    private static final int[] BLOCK_SIZES = {
        1000, 200, 600, 100, 580, 500, 80, 900, 50, 1000, 300};

    private static final List<String> FULL_MARKET = buildFullMarket();

    private SecurityCatalog() {
    }

    /** The security for a valid symbol on a market with {@code seed}. */
    static Security describe(String symbol, long seed) {
        Known known = KNOWN.get(symbol);
        if (known != null) {
            return Security.of(symbol, known.name(), known.prevCloseMilli());
        }
        Board board = Board.of(symbol);
        long h = SplitMix.mix(symbol.hashCode() * 0x9E3779B97F4A7C15L + 7);
        String name = generatedName(symbol, board, h);
        SplitMix rng = new SplitMix(SplitMix.derive(seed, symbol.hashCode()));
        return Security.of(symbol, name, generatedPrevClose(board, rng));
    }

    static List<String> fullMarketSymbols() {
        return FULL_MARKET;
    }

    private static String generatedName(String symbol, Board board, long h) {
        String stem = FIRST[(int) ((h >>> 8) & 31)] + SECOND[(int) ((h >>> 16) & 15)];
        String trade = TRADE[(int) (((h >>> 24) & 0xFFFF) % TRADE.length)];
        // About one main-board stock in fifty is under special treatment, as in the real market.
        long st = (h >>> 40) % 100;
        return switch (board) {
            case CONVERTIBLE_BOND -> stem + "转债";
            case FUND -> stem + (symbol.startsWith("16") ? "LOF" : "ETF");
            case INDEX -> stem + "指数";
            case SHANGHAI_MAIN, SHENZHEN_MAIN, OTHER -> st < 2 ? (st == 0 ? "*ST" : "ST") + stem : stem + trade;
            case STAR, CHINEXT -> stem + trade;
        };
    }

    /** In thousandths of a yuan, on the board's tick. */
    private static long generatedPrevClose(Board board, SplitMix rng) {
        return switch (board) {
            case CONVERTIBLE_BOND -> 100_000 + rng.nextInt(60_001);
            case FUND -> 500 + rng.nextInt(4_501);
            case INDEX -> 1_000_000 + 10L * rng.nextInt(1_000_001);
            case SHANGHAI_MAIN, SHENZHEN_MAIN, OTHER, STAR, CHINEXT -> {
                // Log-uniform between 2 and 200 yuan: many cheap stocks, a few dear ones.
                // StrictMath keeps the result identical on every platform.
                double yuan = 2.0 * StrictMath.exp(rng.nextInt(1_000_001) / 1_000_000.0 * StrictMath.log(100.0));
                yield Math.max(1, Math.round(yuan * 100)) * 10;
            }
        };
    }

    private static List<String> buildFullMarket() {
        TreeSet<String> symbols = new TreeSet<>();
        SplitMix rng = new SplitMix(0x5EED_A5AFL);
        for (int b = 0; b < BLOCK_PREFIXES.length; b++) {
            // A partial Fisher-Yates shuffle of the block's 1,000 numbers picks its members.
            int[] numbers = new int[1000];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = i;
            }
            for (int i = 0; i < BLOCK_SIZES[b]; i++) {
                int j = i + rng.nextInt(numbers.length - i);
                int picked = numbers[j];
                numbers[j] = numbers[i];
                numbers[i] = picked;
                symbols.add(BLOCK_PREFIXES[b] + (char) ('0' + picked / 100) + (char) ('0' + picked / 10 % 10)
                        + (char) ('0' + picked % 10));
            }
        }
        for (String known : KNOWN.keySet()) {
            if (isStock(Board.of(known))) {
                symbols.add(known);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(symbols));
    }

    private static boolean isStock(Board board) {
        return board != Board.CONVERTIBLE_BOND && board != Board.FUND && board != Board.INDEX;
    }
}
