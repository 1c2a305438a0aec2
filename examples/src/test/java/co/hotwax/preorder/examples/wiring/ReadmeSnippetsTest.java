package co.hotwax.preorder.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the README must stand, line for line (indentation aside), in a Java source file
 * of the repository that the build compiles, and those files are run by tests (e.g. {@link WiringExampleTest},
 * the testkit's contract tests). So the README cannot drift from the code.
 */
class ReadmeSnippetsTest {

    @Test
    void everyJavaBlockOfTheReadmeIsCompiledCode() throws IOException {
        Path root = repositoryRoot();
        List<List<String>> blocks = javaBlocks(Files.readAllLines(root.resolve("README.md")));
        assertThat(blocks).as("the README shows Java code").isNotEmpty();
        List<List<String>> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .map(ReadmeSnippetsTest::normalized)
                    .collect(Collectors.toList());
        }
        for (List<String> block : blocks) {
            assertThat(sources.stream().anyMatch(source -> containsRun(source, block)))
                    .as("README block starting %s is in no compiled source file; update the README or the code",
                            block.get(0))
                    .isTrue();
        }
    }

    @Test
    void theCheckRejectsABlockThatIsNotInTheCode() {
        List<String> source = List.of("a();", "b();", "c();");
        assertThat(containsRun(source, List.of("b();", "c();"))).isTrue();
        assertThat(containsRun(source, List.of("a();", "c();"))).isFalse();
    }

    static List<List<String>> javaBlocks(List<String> readme) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : readme) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        return blocks;
    }

    static boolean containsRun(List<String> source, List<String> block) {
        for (int i = 0; i + block.size() <= source.size(); i++) {
            if (source.subList(i, i + block.size()).equals(block)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> normalized(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(String::strip)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("spi")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
