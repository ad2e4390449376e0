package io.jvq.core.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {
    @Test
    void readsObjectsArraysStringsNumbersBooleansAndNull() {
        Object value = JsonReader.read(" {\"a\":\"x\\\"y\\u00e9\\n\", \"b\":[1,-2.5e1,true,false,null], \"c\":{}} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", "x\"yé\n");
        expected.put("b", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e1"), true, false, null));
        expected.put("c", Map.of());
        assertThat(value).isEqualTo(expected);
        assertThat(JsonReader.read("[]")).isEqualTo(List.of());
        assertThat(JsonReader.read("\"just text\"")).isEqualTo("just text");
    }

    @Test
    void refusesWhatJsonDoesNotAllowAndNamesTheOffset() {
        for (String bad : new String[] {"", "{", "{\"a\":1,}", "[1 2]", "01", "+1", ".5", "1.", "tru",
                "{\"a\":1} x", "{a:1}", "\"open", "\"bad \\x escape\"", "'single'"}) {
            assertThatThrownBy(() -> JsonReader.read(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at character");
        }
    }

    @Test
    void refusesNestingDeeperThanAnyReplyRatherThanOverflowTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        assertThatThrownBy(() -> JsonReader.read(deep)).hasMessageContaining("nested deeper than");
    }
}
