package io.jvq.reliability;

import io.jvq.core.SubscriptionCode;

import java.util.List;

/**
 * Numbered level-2 trades for the fake to push: every trade gets the next id, so a client that
 * delivers each id exactly once has lost and duplicated nothing.
 * A frame holds one line per code, {@code tradesPerLine} trades a line, in the wire form
 * {@code lv2_600519=10:15:00.000,<id>,1700.50,100|…} (docs/PROTOCOL.md §5.2).
 */
final class TradeTape {
    private final List<SubscriptionCode> codes;
    private final int tradesPerLine;
    private long nextId;

    TradeTape(List<SubscriptionCode> level2Codes, int tradesPerLine, long firstId) {
        if (level2Codes.isEmpty()) {
            throw new IllegalArgumentException("no level-2 codes to trade");
        }
        this.codes = List.copyOf(level2Codes);
        this.tradesPerLine = tradesPerLine;
        this.nextId = firstId;
    }

    /** The text of the next frame: one line per code, fresh ids. */
    String nextFrame() {
        StringBuilder frame = new StringBuilder();
        for (SubscriptionCode code : codes) {
            if (frame.length() > 0) {
                frame.append('\n');
            }
            frame.append(code.wire()).append('=');
            for (int t = 0; t < tradesPerLine; t++) {
                if (t > 0) {
                    frame.append('|');
                }
                long id = nextId++;
                frame.append("10:15:").append(String.format("%02d.%03d", (id / 1000) % 60, id % 1000))
                        .append(',').append(id).append(",1700.50,").append(100 + id % 7 * 100);
            }
        }
        return frame.toString();
    }

    /** Trades in one frame. */
    int tradesPerFrame() {
        return codes.size() * tradesPerLine;
    }

    /** The id the next trade will get; ids below it have been issued. */
    long nextId() {
        return nextId;
    }
}
