package io.jvq.cli.readme;

import io.jvq.cli.CliEnvironment;
import io.jvq.cli.JvqCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every {@code jvq} command line the READMEs show parses with the real command tree: a dry run
 * ({@link CommandLine#parseArgs}, nothing executed), so an option that was renamed, a value the
 * option's converter refuses or a missing argument fails the build, naming the README and line.
 *
 * <p>Checked: in ```sh, ```bash, ```shell and ```console blocks, each line (continuation lines
 * joined) that starts with {@code jvq } or {@code ./jvq }, after an optional {@code $ } prompt and
 * environment assignments ({@code JAVA_OPTS=… ./jvq …}); the words up to a comment, a pipe, a
 * redirection or {@code &}. In the prose, each inline {@code `jvq …`} span that holds an option:
 * there the command may be incomplete (an argument left out), but every option and value given
 * must parse.
 */
class ReadmeCommandLinesTest {
    private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "console", "shell-session");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=(\"[^\"]*\"|'[^']*'|\\S*)\\s+");
    private static final Pattern INLINE = Pattern.compile("`((?:\\./)?jvq [^`]*)`");

    record CommandLineInReadme(String where, String text, List<String> args, boolean complete) {
    }

    @Test
    void everyJvqCommandLineInTheReadmesParses() {
        List<CommandLineInReadme> lines = commandLines();
        List<String> failures = new ArrayList<>();
        for (CommandLineInReadme line : lines) {
            try {
                tree().parseArgs(line.args().toArray(String[]::new));
            } catch (MissingParameterException e) {
                if (line.complete()) {
                    failures.add(line.where() + ": " + line.text() + "\n    " + e.getMessage());
                }
            } catch (ParameterException e) {
                failures.add(line.where() + ": " + line.text() + "\n    " + e.getMessage());
            }
        }
        assertThat(failures).as("README command lines the jvq command does not accept").isEmpty();
        assertThat(lines.stream().filter(CommandLineInReadme::complete).count())
                .as("command lines found in code blocks").isGreaterThan(20);
    }

    @Test
    void theDryRunRefusesWhatTheCommandWouldRefuse() {
        assertThatThrownBy(() -> tree().parseArgs("decode", "--candles", "FILE"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--candles");
        assertThatThrownBy(() -> tree().parseArgs("stream", "--no-such-option", "lv2_600519"))
                .isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> tree().parseArgs("decode"))
                .isInstanceOf(MissingParameterException.class);
        assertThat(words("./jvq stream --format json --duration 60 lv1_600519 | jq .price"))
                .containsExactly("./jvq", "stream", "--format", "json", "--duration", "60", "lv1_600519");
        assertThat(words("./jvq serve --port 18941 --duration 40 &   # in the background"))
                .containsExactly("./jvq", "serve", "--port", "18941", "--duration", "40");
        assertThat(words("./jvq stream --board --token 'a b' lv1_600519 > out.txt"))
                .containsExactly("./jvq", "stream", "--board", "--token", "a b", "lv1_600519");
    }

    private static CommandLine tree() {
        return new CommandLine(new JvqCli(new CliEnvironment(Map.of(), false)));
    }

    static List<CommandLineInReadme> commandLines() {
        List<CommandLineInReadme> found = new ArrayList<>();
        for (var readme : Readmes.all()) {
            List<String> text = Readmes.read(readme);
            List<Readmes.Block> blocks = Readmes.blocks(readme);
            boolean[] inBlock = new boolean[text.size() + 1];
            for (Readmes.Block block : blocks) {
                for (int i = block.line(); i <= block.line() + block.lines().size() + 1 && i <= text.size(); i++) {
                    inBlock[i] = true;
                }
                if (!SHELL.contains(block.language())) {
                    continue;
                }
                List<String> lines = block.lines();
                for (int i = 0; i < lines.size(); i++) {
                    int first = i;
                    StringBuilder joined = new StringBuilder(lines.get(i).strip());
                    while (joined.toString().endsWith("\\") && i + 1 < lines.size()) {
                        joined.setLength(joined.length() - 1);
                        joined.append(' ').append(lines.get(++i).strip());
                    }
                    String command = command(joined.toString());
                    if (command != null) {
                        List<String> words = words(command);
                        found.add(new CommandLineInReadme(where(readme, block.line() + 1 + first), joined.toString(),
                                words.subList(1, words.size()), true));
                    }
                }
            }
            for (int n = 1; n <= text.size(); n++) {
                if (inBlock[n]) {
                    continue;
                }
                Matcher span = INLINE.matcher(text.get(n - 1));
                while (span.find()) {
                    List<String> words = words(span.group(1));
                    if (words.stream().anyMatch(w -> w.startsWith("-"))) {
                        found.add(new CommandLineInReadme(where(readme, n), span.group(1),
                                words.subList(1, words.size()), false));
                    }
                }
            }
        }
        return found;
    }

    private static String where(java.nio.file.Path readme, int line) {
        return Readmes.ROOT.relativize(readme) + ":" + line;
    }

    /** The command a shell line runs if it is {@code jvq}'s, without prompt and assignments; else null. */
    private static String command(String line) {
        String rest = line.startsWith("$ ") ? line.substring(2).strip() : line;
        for (Matcher m = ASSIGNMENT.matcher(rest); m.find(); m = ASSIGNMENT.matcher(rest)) {
            rest = rest.substring(m.end());
        }
        return rest.startsWith("jvq ") || rest.equals("jvq") || rest.startsWith("./jvq ") || rest.equals("./jvq")
                ? rest : null;
    }

    /** Shell words, quotes removed, up to an unquoted comment, pipe, redirection, {@code &} or {@code ;}. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if ((c == '#' && word == null) || c == '|' || c == '>' || c == '<' || c == '&' || c == ';') {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
