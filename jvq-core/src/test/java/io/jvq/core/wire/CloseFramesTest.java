package io.jvq.core.wire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloseFramesTest {
    @Test
    void onlyCodesAnEndpointMaySendAreSendable() {
        assertThat(CloseFrames.isSendable(1000)).isTrue();
        assertThat(CloseFrames.isSendable(1003)).isTrue();
        assertThat(CloseFrames.isSendable(1007)).isTrue();
        assertThat(CloseFrames.isSendable(1014)).isTrue();
        assertThat(CloseFrames.isSendable(3000)).isTrue();
        assertThat(CloseFrames.isSendable(4999)).isTrue();
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 2999, 5000}) {
            assertThat(CloseFrames.isSendable(code)).as("code %d", code).isFalse();
        }
    }

    @Test
    void checkNamesTheCodeItRefuses() {
        assertThatThrownBy(() -> CloseFrames.check(1006, "cut"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close code 1006");
    }

    @Test
    void aReasonIsMeasuredInUtf8BytesAndRefusedPast123() {
        assertThatCode(() -> CloseFrames.check(1000, "x".repeat(121) + "é")).doesNotThrowAnyException();
        assertThatCode(() -> CloseFrames.check(1000, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CloseFrames.check(1000, "x".repeat(122) + "é"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("124 bytes");
    }
}
