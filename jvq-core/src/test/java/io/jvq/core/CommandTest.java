package io.jvq.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text commands of docs/PROTOCOL.md §4, encoded exactly as the vendor documents them. */
class CommandTest {
    private static final SubscriptionCode MOUTAI = SubscriptionCode.lv1("600519");
    private static final SubscriptionCode BOND = SubscriptionCode.lv2("127063");
    private static final SubscriptionCode PING_AN = SubscriptionCode.lv1("000001");

    @Test
    void encodesTheProtocolsExamples() {
        assertThat(Command.add(List.of(MOUTAI, BOND)).encode()).isEqualTo("add=lv1_600519,lv2_127063");
        assertThat(Command.del(List.of(MOUTAI, BOND)).encode()).isEqualTo("del=lv1_600519,lv2_127063");
        assertThat(Command.all(List.of(MOUTAI)).encode()).isEqualTo("all=lv1_600519");
        assertThat(Command.all(List.of()).encode()).isEqualTo("all=");
        assertThat(Command.list().encode()).isEqualTo("list");
    }

    @Test
    void dropsRepeatedCodesKeepingTheOrderOfFirstAppearance() {
        Command command = Command.add(List.of(BOND, MOUTAI, BOND, PING_AN, MOUTAI));

        assertThat(command.codes()).containsExactly(BOND, MOUTAI, PING_AN);
        assertThat(command.encode()).isEqualTo("add=lv2_127063,lv1_600519,lv1_000001");
    }

    @Test
    void treatsTheSameSymbolAtAnotherLevelAsAnotherCode() {
        assertThat(Command.all(List.of(MOUTAI, SubscriptionCode.lv2("600519"))).encode())
                .isEqualTo("all=lv1_600519,lv2_600519");
    }

    @Test
    void copiesItsCodes() {
        List<SubscriptionCode> codes = new ArrayList<>(List.of(MOUTAI));
        Command command = Command.add(codes);
        codes.add(BOND);

        assertThat(command.codes()).containsExactly(MOUTAI);
        assertThatThrownBy(() -> command.codes().add(BOND)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesCommandsTheServerWouldNotUnderstand() {
        assertThatThrownBy(() -> Command.add(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("add needs at least one code");
        assertThatThrownBy(() -> Command.del(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("del needs at least one code");
        assertThatThrownBy(() -> new Command(Command.Verb.LIST, List.of(MOUTAI)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("list takes no codes");
        assertThatThrownBy(() -> new Command(null, List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void printsAsItsWireForm() {
        assertThat(Command.del(List.of(BOND))).hasToString("del=lv2_127063");
    }
}
