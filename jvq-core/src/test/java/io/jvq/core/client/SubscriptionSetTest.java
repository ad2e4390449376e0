package io.jvq.core.client;

import io.jvq.core.SubscriptionCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionSetTest {
    private static final SubscriptionCode A = SubscriptionCode.lv1("600519");
    private static final SubscriptionCode B = SubscriptionCode.lv2("600519");
    private static final SubscriptionCode C = SubscriptionCode.lv2("000001");

    private final SubscriptionSet set = new SubscriptionSet();

    @Test
    void addingReturnsOnlyTheCodesNewToTheSetAndKeepsFirstInsertionOrder() {
        assertThat(set.add(List.of(B, A, B))).containsExactly(B, A);
        assertThat(set.add(List.of(A, C))).containsExactly(C);
        assertThat(set.snapshot()).containsExactly(B, A, C);
    }

    @Test
    void removingReturnsOnlyTheCodesThatWereInTheSet() {
        set.add(List.of(A, B));

        assertThat(set.remove(List.of(C, B, B))).containsExactly(B);
        assertThat(set.snapshot()).containsExactly(A);
    }

    @Test
    void replacingReportsWhetherTheSetOfCodesChanged() {
        set.add(List.of(A, B));

        assertThat(set.replaceAll(List.of(B, A))).isFalse();
        assertThat(set.snapshot()).containsExactly(B, A);
        assertThat(set.replaceAll(List.of(C))).isTrue();
        assertThat(set.replaceAll(List.of())).isTrue();
        assertThat(set.snapshot()).isEmpty();
    }
}
