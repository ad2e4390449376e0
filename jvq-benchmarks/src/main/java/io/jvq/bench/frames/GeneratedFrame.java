package io.jvq.bench.frames;

/**
 * The inflated text of one generated frame.
 *
 * @param inflated UTF-8 lines, each ending in {@code \n}
 * @param lines    how many lines (codes) it holds
 * @param events   how many records those lines carry: level-1 snapshots or level-2 trades
 */
public record GeneratedFrame(byte[] inflated, int lines, int events) {
}
