package io.jvq.bench.frames;

import io.jvq.core.QuoteLevel;
import io.jvq.core.SubscriptionCode;
import io.jvq.sim.MarketSimulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Frames written by the testkit's {@link MarketSimulator} (the project's shared market model) for a
 * full-market subscription: about 5,300 stock codes at one level. Each simulated tick (3 s for level 1,
 * 1 s for level 2, three trades per security per tick) gives a line per code, and those lines are packed,
 * whole and in order, into frames of at most {@code frameBytes} (at least one line each), as a server
 * would cut its push.
 */
public final class SimulatorFrames {
    private SimulatorFrames() {
    }

    public static FrameCorpus generate(FrameMix mix, int frameBytes, long totalBytes, long seed) {
        if (frameBytes < 1 || totalBytes < 1) {
            throw new IllegalArgumentException("frameBytes and totalBytes must be positive, got "
                    + frameBytes + " and " + totalBytes);
        }
        MarketSimulator market = MarketSimulator.builder().seed(seed).startTime(LocalTime.of(9, 30))
                .tickInterval(Duration.ofSeconds(mix == FrameMix.LV1 ? 3 : 1)).build();
        Set<SubscriptionCode> codes = new HashSet<>(
                MarketSimulator.fullMarketCodes(mix == FrameMix.LV1 ? QuoteLevel.LV1 : QuoteLevel.LV2));
        List<GeneratedFrame> frames = new ArrayList<>();
        ByteArrayOutputStream frame = new ByteArrayOutputStream(frameBytes);
        long bytes = 0;
        while (bytes < totalBytes) {
            String tick = market.nextTick(codes);
            int lineStart = 0;
            while (lineStart < tick.length() && bytes < totalBytes) {
                int lineEnd = tick.indexOf('\n', lineStart) + 1;
                byte[] line = tick.substring(lineStart, lineEnd).getBytes(StandardCharsets.UTF_8);
                lineStart = lineEnd;
                if (frame.size() > 0 && frame.size() + line.length > frameBytes) {
                    bytes += flush(mix, frame, frames);
                }
                frame.write(line, 0, line.length);
            }
        }
        if (frames.isEmpty()) {
            flush(mix, frame, frames);
        }
        // Otherwise the partly filled last frame is left out: every frame is cut at the size asked for.
        return FrameCorpus.of(mix, frames);
    }

    private static int flush(FrameMix mix, ByteArrayOutputStream frame, List<GeneratedFrame> frames) {
        byte[] text = frame.toByteArray();
        frame.reset();
        int lines = count(text, (byte) '\n');
        // Snapshots are one a line; trades one a line plus one per '|'.
        frames.add(new GeneratedFrame(text, lines, mix == FrameMix.LV1 ? lines : lines + count(text, (byte) '|')));
        return text.length;
    }

    private static int count(byte[] text, byte b) {
        int n = 0;
        for (byte x : text) {
            if (x == b) {
                n++;
            }
        }
        return n;
    }
}
