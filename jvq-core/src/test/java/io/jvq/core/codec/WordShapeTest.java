package io.jvq.core.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A learnt field layout matches exactly the fields of that layout, whatever the bytes after its ','. */
class WordShapeTest {

    private static long word(String eightChars) {
        return Swar.word(eightChars.getBytes(StandardCharsets.ISO_8859_1), 0);
    }

    private static WordShape learnt(int integerDigits, int places, boolean decimal) {
        WordShape shape = new WordShape();
        shape.learn(integerDigits, places, decimal);
        return shape;
    }

    @Test
    void matchesNothingBeforeItLearnsALayout() {
        WordShape shape = new WordShape();
        for (String w : new String[]{"1234567,", "1,2,3,4,", "13.11,30", "\0\0\0\0\0\0\0\0"}) {
            assertThat(shape.matches(word(w))).as(w).isFalse();
        }
    }

    @Test
    void readsAPriceOfTheLearntLayoutAsFixedPointAndKnowsItsWidth() {
        WordShape shape = learnt(2, 2, true);

        assertThat(shape.matches(word("13.11,30"))).isTrue();
        assertThat(shape.value(word("13.11,30"))).isEqualTo(131_100);
        assertThat(shape.value(word("09.99|||"))).isEqualTo(99_900);
        assertThat(shape.width()).isEqualTo(6);
    }

    @Test
    void readsAnIntegerOfTheLearntLayout() {
        WordShape ids = learnt(7, 0, false);
        WordShape prices = learnt(3, 0, true);

        assertThat(ids.matches(word("5317453,"))).isTrue();
        assertThat(ids.value(word("5317453,"))).isEqualTo(5_317_453);
        assertThat(ids.width()).isEqualTo(8);
        assertThat(prices.matches(word("170,9999"))).isTrue();
        assertThat(prices.value(word("170,9999"))).isEqualTo(1_700_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13.1,300", "13.111,3", "3.11,300", "113.11,3", "13,11,30", "1:.11,30", "13.1/,30", "13.11|30",
            "13.11.30", "1a.11,30", "13.1\u00ff,30", "13.11\n30", "-3.11,30"})
    void rejectsEveryFieldOfAnotherLayout(String eightChars) {
        assertThat(learnt(2, 2, true).matches(word(eightChars))).as(eightChars).isFalse();
    }

    @Test
    void keepsItsLayoutWhenAskedToLearnOneThatDoesNotFitAWord() {
        WordShape shape = learnt(2, 2, true);
        shape.learn(4, 3, true); // 1234.567, is 9 bytes

        assertThat(shape.matches(word("13.11,30"))).isTrue();
        assertThat(shape.matches(word("1234.567"))).isFalse();
    }
}
