package io.jvq.cli.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's READMEs (the root one and each module's) and their fenced code blocks, as the
 * README checks read them.
 */
final class Readmes {
    /** The repository root, seen from this module's directory (where Maven runs its tests). */
    static final Path ROOT = root();

    private Readmes() {
    }

    /** A fenced block: its README, the line of its opening fence (1-based), its info string and its lines. */
    record Block(Path readme, int line, String language, String marker, List<String> lines) {
        String where() {
            return ROOT.relativize(readme) + ":" + line;
        }

        String firstLine() {
            return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(empty)");
        }
    }

    /** Every README.md of the repository: the root's and each module's, never one under target/. */
    static List<Path> all() {
        try (Stream<Path> paths = Files.walk(ROOT, 2)) {
            return paths.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> !p.toString().contains("target"))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fenced blocks of one README. {@code marker} is the text of an HTML comment
     * {@code <!-- readme-check: … -->} on the line just before the fence, or empty.
     */
    static List<Block> blocks(Path readme) {
        List<String> lines = read(readme);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String open = lines.get(i).strip();
            if (!open.startsWith("```")) {
                continue;
            }
            String language = open.substring(3).strip();
            String marker = i > 0 ? marker(lines.get(i - 1)) : "";
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new AssertionError(readme + ":" + (i + 1) + ": a code block that is never closed");
            }
            blocks.add(new Block(readme, i + 1, language, marker, List.copyOf(lines.subList(i + 1, end))));
            i = end;
        }
        return blocks;
    }

    private static String marker(String line) {
        String strip = line.strip();
        String start = "<!-- readme-check:";
        return strip.startsWith(start) && strip.endsWith("-->")
                ? strip.substring(start.length(), strip.length() - 3).strip() : "";
    }

    /** The Java files under some module's {@code src/test/java}, never under target/ or a hidden directory. */
    static List<Path> testSources() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(ROOT) && (name.startsWith(".") || name.equals("target")
                            || name.equals("node_modules"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = ROOT.relativize(file).toString().replace('\\', '/');
                    if (path.endsWith(".java") && path.contains("/src/test/java/")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("jvq-cli"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }
}
