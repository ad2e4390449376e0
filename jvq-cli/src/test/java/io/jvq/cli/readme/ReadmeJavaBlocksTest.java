package io.jvq.cli.readme;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ```java block of every README is code the build compiles and runs: it must appear in a
 * test source file ({@code src/test/java} of any module), line for line (leading, trailing and
 * repeated blanks aside; blank lines ignored). The tests that hold the blocks run them against
 * the fake server; this test only proves that each block has such a home, so that a README edit
 * that is not made in the test too fails the build, naming the README and the block.
 *
 * <p>A block that is deliberately not Java code the build can hold (none today) is excused by an
 * HTML comment on the line just before its fence, {@code <!-- readme-check: not java: WHY -->};
 * the reason is required.
 */
class ReadmeJavaBlocksTest {

    @Test
    void everyJavaBlockOfEveryReadmeIsInATestSource() {
        Map<Path, List<String>> sources = testSources();
        List<String> uncovered = new ArrayList<>();
        int covered = 0;
        for (Path readme : Readmes.all()) {
            for (Readmes.Block block : Readmes.blocks(readme)) {
                if (!block.language().equals("java")) {
                    continue;
                }
                if (block.marker().startsWith("not java:")) {
                    assertThat(block.marker().substring("not java:".length()).strip())
                            .as("%s: the reason a block is not checked", block.where()).isNotEmpty();
                    continue;
                }
                List<String> code = normalized(block.lines());
                if (sources.values().stream().anyMatch(source -> contains(source, code))) {
                    covered++;
                } else {
                    uncovered.add(block.where() + " (" + block.firstLine() + ")");
                }
            }
        }
        assertThat(uncovered)
                .as("README java blocks found in no test source (src/test/java); put each, line for line, in a "
                        + "test that runs it")
                .isEmpty();
        assertThat(covered).as("java blocks found").isGreaterThan(20);
    }

    @Test
    void theCheckerSeesThroughIndentationButNotThroughChanges() {
        List<String> source = normalized(List.of("class A {", "    void f() {", "        int a  =  1;", "",
                "        int b = 2;   // two", "    }", "}"));
        assertThat(contains(source, normalized(List.of("int a = 1;", "int b = 2; // two")))).isTrue();
        assertThat(contains(source, normalized(List.of("int a = 1;", "int b = 3;")))).isFalse();
        assertThat(contains(source, normalized(List.of("int b = 2; // two", "int a = 1;")))).isFalse();
    }

    private static Map<Path, List<String>> testSources() {
        return Readmes.testSources().stream().collect(Collectors.toMap(p -> p, p -> normalized(Readmes.read(p))));
    }

    /** Each line stripped, runs of blanks made one, blank lines dropped. */
    static List<String> normalized(List<String> lines) {
        return lines.stream().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList();
    }

    static boolean contains(List<String> source, List<String> block) {
        if (block.isEmpty()) {
            return false;
        }
        for (int i = 0; i + block.size() <= source.size(); i++) {
            if (source.subList(i, i + block.size()).equals(block)) {
                return true;
            }
        }
        return false;
    }
}
