package io.jvq.cli.output;

import java.util.List;

/** A series as a line of block characters, lowest value ▁, highest █; a flat series sits in the middle. */
final class Sparkline {
    private static final char[] LEVELS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    static String of(List<Long> values) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        StringBuilder out = new StringBuilder(values.size());
        for (long v : values) {
            int level = max == min ? LEVELS.length / 2 - 1 : (int) ((v - min) * (LEVELS.length - 1) / (max - min));
            out.append(LEVELS[level]);
        }
        return out.toString();
    }
}
