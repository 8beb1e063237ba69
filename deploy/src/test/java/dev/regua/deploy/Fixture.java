package dev.regua.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A correct text from the test resources, and copies of it with one deliberate mistake.
 *
 * <p>{@link #replacing} insists that the text it replaces occurs exactly once, so a test cannot
 * silently stop breaking anything when the fixture changes.
 */
record Fixture(String text, Path directory) {

    static Fixture load(String resource) {
        try (InputStream stream = Fixture.class.getResourceAsStream("/" + resource)) {
            if (stream == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Path file = Path.of(Fixture.class.getResource("/" + resource).toURI());
            return new Fixture(new String(stream.readAllBytes(), StandardCharsets.UTF_8), file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This fixture with {@code original} (which must occur exactly once) replaced. */
    Fixture replacing(String original, String replacement) {
        int first = text.indexOf(original);
        if (first < 0 || text.indexOf(original, first + 1) >= 0) {
            throw new IllegalArgumentException("the fixture must contain exactly once:\n" + original);
        }
        return new Fixture(text.replace(original, replacement), directory);
    }

    /** Asserts that a problem of this family was found, and that its description mentions {@code words}. */
    static void assertReported(List<Problem> problems, String check, String words) {
        assertTrue(problems.stream().anyMatch(p -> p.check().equals(check) && p.toString().contains(words)),
                () -> "expected a [" + check + "] problem mentioning '" + words + "', got:\n" + describe(problems));
    }

    static void assertClean(List<Problem> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n" + describe(problems));
    }

    static String describe(List<Problem> problems) {
        return problems.isEmpty() ? "  (none)" : problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
