package io.jvq.kafka;

import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.jvq.kafka.TradeIdWindow.Verdict.DUPLICATE;
import static io.jvq.kafka.TradeIdWindow.Verdict.NEW;
import static io.jvq.kafka.TradeIdWindow.Verdict.UNCHECKED;
import static org.assertj.core.api.Assertions.assertThat;

/** Which trades a source skips: the ids seen per code and day, within a bounded window. */
class TradeDeduplicatorTest {
    private static final SubscriptionCode MOUTAI = SubscriptionCode.lv2("600519");
    private static final SubscriptionCode PINGAN = SubscriptionCode.lv2("000001");
    private static final long DAY = 20_000;

    @Test
    void aTradeIsADuplicateOnlyWhenItsIdWasSeenForTheSameCodeAndDay() {
        TradeDeduplicator seen = new TradeDeduplicator(4096);
        assertThat(seen.check(MOUTAI, 5, DAY)).isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 5, DAY)).isEqualTo(DUPLICATE);
        assertThat(seen.check(PINGAN, 5, DAY)).as("another code").isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 6, DAY)).isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 5, DAY + 1)).as("the next day starts over").isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 6, DAY)).as("a day before the code's latest: not known").isEqualTo(UNCHECKED);
    }

    @Test
    void idsBelowTheHighestAreNewWhenTheyWereNotSeen() {
        // a hand-over: the new bridge's 11 lands, then the old bridge's 1..11, interleaved with 12..
        TradeDeduplicator seen = new TradeDeduplicator(4096);
        assertThat(seen.check(MOUTAI, 11, DAY)).isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 1, DAY)).isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 12, DAY)).isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 2, DAY)).isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 1, DAY)).isEqualTo(DUPLICATE);
        assertThat(seen.check(MOUTAI, 11, DAY)).isEqualTo(DUPLICATE);
        assertThat(seen.check(MOUTAI, 12, DAY)).isEqualTo(DUPLICATE);
        assertThat(seen.check(MOUTAI, 7, DAY)).isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 7, DAY)).isEqualTo(DUPLICATE);
    }

    @Test
    void theWindowHoldsTheHighestIdsAndWhatFallsBelowItIsDeliveredUnchecked() {
        TradeDeduplicator seen = new TradeDeduplicator(100); // rounded up to 128
        assertThat(seen.window()).isEqualTo(128);
        for (long id = 1; id <= 1000; id += 2) { // odd ids: the last 128 are 745..999
            assertThat(seen.check(MOUTAI, id, DAY)).isEqualTo(NEW);
        }
        assertThat(seen.check(MOUTAI, 999, DAY)).isEqualTo(DUPLICATE);
        assertThat(seen.check(MOUTAI, 745, DAY)).as("the lowest held").isEqualTo(DUPLICATE);
        assertThat(seen.check(MOUTAI, 746, DAY)).as("within the window, not seen").isEqualTo(NEW);
        assertThat(seen.check(MOUTAI, 743, DAY)).as("forgotten: may be a duplicate, delivered")
                .isEqualTo(UNCHECKED);
        assertThat(seen.check(MOUTAI, 2, DAY)).as("below what was forgotten: not known either")
                .isEqualTo(UNCHECKED);
    }

    @Test
    void memoryPerCodeIsBoundedByTheWindowAndGrowsOnlyWithTrades() {
        TradeIdWindow ids = new TradeIdWindow(1024);
        assertThat(ids.slots()).isEqualTo(16);
        for (long id = 1; id <= 100_000; id++) {
            ids.offer(id);
        }
        assertThat(ids.size()).isEqualTo(1024);
        assertThat(ids.slots()).as("8 bytes each: 8 KiB for 1,024").isEqualTo(1024);
        for (long id = 200_000; id > 100_000; id -= 3) { // late and out of order
            ids.offer(id);
        }
        assertThat(ids.slots()).isEqualTo(1024);
    }

    @Test
    void anOutOfOrderIdInAFullWindowKeepsTheHighestIds() {
        TradeIdWindow ids = new TradeIdWindow(4);
        for (long id : new long[]{10, 20, 30, 40}) {
            assertThat(ids.offer(id)).isEqualTo(NEW);
        }
        assertThat(ids.offer(25)).isEqualTo(NEW); // 10 is forgotten
        assertThat(ids.offer(10)).isEqualTo(UNCHECKED);
        assertThat(ids.offer(20)).isEqualTo(DUPLICATE);
        assertThat(ids.offer(15)).as("between the forgotten 10 and the lowest held: never seen").isEqualTo(NEW);
        assertThat(ids.offer(15)).as("lower than all held, so not kept").isEqualTo(UNCHECKED);
        assertThat(ids.offer(30)).isEqualTo(DUPLICATE);
        assertThat(ids.offer(40)).isEqualTo(DUPLICATE);
        assertThat(ids.offer(25)).isEqualTo(DUPLICATE);
    }

    @Test
    void theTradingDayIsShanghais() {
        // 2026-11-30 23:30 UTC is 2026-12-01 07:30 in Shanghai
        long lateUtc = Instant.parse("2026-11-30T23:30:00Z").getEpochSecond() * 1_000_000_000L;
        assertThat(TradeDeduplicator.tradingDay(lateUtc)).isEqualTo(LocalDate.of(2026, 12, 1).toEpochDay());
    }
}
