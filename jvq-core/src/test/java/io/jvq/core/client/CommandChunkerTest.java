package io.jvq.core.client;

import io.jvq.core.Command;
import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandChunkerTest {

    private static List<SubscriptionCode> codes(int n) {
        List<SubscriptionCode> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(SubscriptionCode.lv2(String.format("%06d", 600000 + i)));
        }
        return codes;
    }

    @Test
    void aCommandWithinTheLimitGoesAsIs() {
        Command all = Command.all(codes(3));   // all= + 3 × 10 bytes + 2 commas = 36 bytes

        assertThat(new CommandChunker(36).chunks(all)).containsExactly(all);
        assertThat(new CommandChunker(64).chunks(Command.list())).containsExactly(Command.list());
        assertThat(new CommandChunker(64).chunks(Command.all(List.of()))).containsExactly(Command.all(List.of()));
    }

    @Test
    void aLargeAllIsAnAllWithTheFirstChunkThenAddsInOrder() {
        List<SubscriptionCode> codes = codes(10);

        List<Command> chunks = new CommandChunker(36).chunks(Command.all(codes));

        assertThat(chunks).extracting(Command::encode).containsExactly(
                "all=lv2_600000,lv2_600001,lv2_600002",
                "add=lv2_600003,lv2_600004,lv2_600005",
                "add=lv2_600006,lv2_600007,lv2_600008",
                "add=lv2_600009");
        assertThat(chunks).allSatisfy(c -> assertThat(c.encode().length()).isLessThanOrEqualTo(36));
        assertThat(chunks.stream().flatMap(c -> c.codes().stream()).toList()).isEqualTo(codes);
    }

    @Test
    void largeAddsAndDelsStayAddsAndDels() {
        assertThat(new CommandChunker(30).chunks(Command.del(codes(4)))).extracting(Command::encode)
                .containsExactly("del=lv2_600000,lv2_600001", "del=lv2_600002,lv2_600003");
        assertThat(new CommandChunker(30).chunks(Command.add(codes(3)))).extracting(Command::encode)
                .containsExactly("add=lv2_600000,lv2_600001", "add=lv2_600002");
    }

    @Test
    void aFullMarketFitsTheDefaultLimitInChunks() {
        List<SubscriptionCode> market = codes(11_000);   // about 120 KB as one all=

        List<Command> chunks = new CommandChunker(ClientOptions.DEFAULT_MAX_COMMAND_BYTES).chunks(Command.all(market));

        assertThat(chunks).hasSizeBetween(4, 5);
        assertThat(chunks).allSatisfy(c -> assertThat(c.encode().length())
                .isLessThanOrEqualTo(ClientOptions.DEFAULT_MAX_COMMAND_BYTES));
    }

    @Test
    void theOptionsRejectALimitWithNoRoomForACode() {
        assertThatThrownBy(() -> ClientOptions.builder("t").maxCommandBytes(10).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCommandBytes must be at least 64 (room for one code), got 10");
    }
}
