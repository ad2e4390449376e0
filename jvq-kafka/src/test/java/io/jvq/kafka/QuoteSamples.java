package io.jvq.kafka;

import io.jvq.core.codec.EventSink;
import io.jvq.core.codec.QuoteParser;
import io.jvq.core.event.QuoteEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One quote of each level, as the vendor's lines and as the events jvq-core's parser makes of them. */
final class QuoteSamples {
    static final String LV1 = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50"
            + ",100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45"
            + ",200,1700.51,400,1700.52,600,1700.53,800,1700.54,1000,1700.55";
    static final String LV2 = "lv2_600519=09:30:00.120,8812,1700.50,100|09:30:00.130,8813,1700.49,600";
    static final String LV10 = "lv10_000001=14:59:59,平安银行,10.50,10.40,2098765432.10,1234567"
            + ",10.49".repeat(10) + ",100".repeat(10) + ",10.51".repeat(10) + ",200".repeat(10);

    private QuoteSamples() {
    }

    /** The lines' text, one per line, as a frame holds them. */
    static String frame() {
        return LV1 + "\n" + LV2 + "\n" + LV10 + "\n";
    }

    /** The events of {@link #frame()}: a level-1 snapshot, two trades, a level-10 book. */
    static List<QuoteEvent> events() {
        List<QuoteEvent> events = new ArrayList<>();
        byte[] text = frame().getBytes(StandardCharsets.UTF_8);
        new QuoteParser().parse(text, 0, text.length, new EventSink(event -> {
            if (event instanceof QuoteEvent quote) {
                events.add(quote);
            } else {
                throw new AssertionError("the samples do not decode: " + event);
            }
        }));
        return events;
    }
}
