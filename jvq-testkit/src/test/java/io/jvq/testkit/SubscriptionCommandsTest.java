package io.jvq.testkit;

import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionCommandsTest {
    private final Set<SubscriptionCode> subscription = new LinkedHashSet<>();

    private String apply(String command) {
        return SubscriptionCommands.apply(command, subscription);
    }

    @Test
    void addDelAllAndListEachAnswerOneLine() {
        assertThat(apply("add=lv1_600519,lv2_000001")).isEqualTo("add ok: lv1_600519,lv2_000001");
        assertThat(apply("add=lv10_300750,lv1_600519")).isEqualTo("add ok: lv10_300750,lv1_600519");
        assertThat(apply("list")).isEqualTo("list: lv1_600519,lv2_000001,lv10_300750");
        assertThat(apply("del=lv2_000001,lv2_127063")).isEqualTo("del ok: lv2_000001,lv2_127063");
        assertThat(apply("list")).isEqualTo("list: lv1_600519,lv10_300750");
        assertThat(apply("all=lv2_127063,lv1_i000001")).isEqualTo("all ok: lv2_127063,lv1_i000001");
        assertThat(apply("list")).isEqualTo("list: lv2_127063,lv1_i000001");
        assertThat(apply("all=")).isEqualTo("all ok:");
        assertThat(apply("list")).isEqualTo("list:");
    }

    @Test
    void echoesCodesDeduplicatedInTheirOrder() {
        assertThat(apply("add=lv1_600519,lv1_600519,lv2_000001")).isEqualTo("add ok: lv1_600519,lv2_000001");
    }

    @Test
    void rejectsMalformedCommandsNamingTheProblemAndKeepsTheSubscription() {
        apply("all=lv1_600519");

        assertThat(apply("subscribe=lv1_600519")).isEqualTo(
                "error: unknown command 'subscribe=lv1_600519': expected add=<codes>, del=<codes>, all=<codes> or list");
        assertThat(apply("LIST")).startsWith("error: unknown command 'LIST'");
        assertThat(apply("list=lv1_600519")).isEqualTo("error: list takes no codes, got 'list=lv1_600519'");
        assertThat(apply("add=")).isEqualTo("error: add needs at least one code, got 'add='");
        assertThat(apply("del=")).isEqualTo("error: del needs at least one code, got 'del='");
        assertThat(apply("add=lv1_600519,,lv2_000001")).isEqualTo(
                "error: empty code at position 2 in 'add=lv1_600519,,lv2_000001'");
        assertThat(apply("add=lv2_000001,lv3_600519")).startsWith("error: invalid subscription code 'lv3_600519'")
                .endsWith("in 'add=lv2_000001,lv3_600519'");
        assertThat(apply("all=lv1_60051")).contains("'lv1_60051'");
        assertThat(apply("")).startsWith("error: unknown command ''");

        assertThat(apply("list")).isEqualTo("list: lv1_600519");
    }

    @Test
    void keepsErrorRepliesShortAndOnOneLine() {
        String reply = apply("x".repeat(500) + "\n");

        assertThat(reply).doesNotContain("\n").hasSizeLessThan(200);
    }
}
